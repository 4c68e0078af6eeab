package org.policyradar.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.policyradar.alert.AlertEngine;
import org.policyradar.cluster.Coordination;
import org.policyradar.index.IndexSetup;
import org.policyradar.route.CoalescingTrigger;
import org.policyradar.route.PollOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code radar run}: every source polled on its schedule (Quartz) until SIGTERM or SIGINT, then in-flight polls
 * finished (bounded by the drain timeout). Alerts follow their items: evaluated after every poll that stored
 * something (bursts folded into one evaluation), and every 5 minutes for what time alone changes (spike windows,
 * delivery retries, digests).
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Duration ALERT_PERIOD = Duration.ofMinutes(5);

    private final IngestionPipeline pipeline;
    private final AlertEngine alerts;
    private final Coordination coordination;
    private final Clock clock;
    private final Duration drainTimeout;

    Daemon(IngestionPipeline pipeline, AlertEngine alerts, Coordination coordination, Clock clock, Duration drainTimeout) {
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.coordination = coordination;
        this.clock = clock;
        this.drainTimeout = drainTimeout;
    }

    /** Runs until the process gets SIGTERM or SIGINT; returns every poll's outcome. */
    public List<PollOutcome> runUntilSignalled() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        return runUntil(stop);
    }

    /** Runs until {@code stop} is released; returns every poll's outcome. */
    public List<PollOutcome> runUntil(CountDownLatch stop) throws Exception {
        // In cluster mode one evaluation at a time in the whole cluster: two would both deliver a pending alert.
        try (CoalescingTrigger evaluation = new CoalescingTrigger("alerts", () -> coordination.exclusively("alerts", () -> {
            refreshItems();
            AlertRound.evaluate(alerts, clock.instant());
        }))) {
            pipeline.outcomes().addListener(o -> {
                if (o.created() + o.updated() > 0) {
                    evaluation.request();
                }
            });
            pipeline.ingestion().runUntil(stop, drainTimeout, evaluation::request, ALERT_PERIOD, coordination::prepare);
        }
        return pipeline.outcomes().all();
    }

    /** Makes what the last polls stored searchable before the watches look for it. */
    private void refreshItems() {
        try {
            pipeline.es().client().indices().refresh(r -> r.index(IndexSetup.ITEMS.alias()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=refresh_failed index={} reason=\"{}\"", IndexSetup.ITEMS.alias(),
                    String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }
}
