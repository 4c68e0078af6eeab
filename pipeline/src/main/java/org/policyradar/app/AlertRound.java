package org.policyradar.app;

import java.time.Instant;
import org.policyradar.alert.AlertEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alert evaluation after ingestion: its result, or why it could not run. A failure is logged and never fails the
 * ingestion that already happened.
 */
public record AlertRound(AlertEngine.Result result, String error) {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRound.class);

    static AlertRound evaluate(AlertEngine engine, Instant now) {
        try {
            engine.ensureIndices();
            return new AlertRound(engine.evaluate(now), null);
        } catch (RuntimeException e) {
            LOG.warn("event=alerts_failed reason=\"{}\"", e.toString());
            return new AlertRound(null, e.getMessage());
        }
    }
}
