package org.policyradar.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.policyradar.alert.AlertEngine;
import org.policyradar.route.PollOutcome;

/**
 * {@code radar run --once}: every source polled once, everything fetched indexed and refreshed (or kept in the
 * spool), then the alerts evaluated when nothing waits in the spool.
 */
public final class RunOnce {
    /** What the pass did. {@code alerts} is null when items wait in the spool (the alerts would miss them). */
    public record Report(List<PollOutcome> outcomes, AlertRound alerts, int spoolWaiting, Path spoolDir, int deadLettered) {
        /** 0 when every source worked and everything is indexed, 3 otherwise. */
        public int exitCode() {
            return outcomes.stream().allMatch(PollOutcome::ok) && spoolWaiting == 0 && deadLettered == 0 ? 0 : 3;
        }
    }

    private final IngestionPipeline pipeline;
    private final AlertEngine alerts;
    private final Clock clock;
    private final Path spoolDir;

    RunOnce(IngestionPipeline pipeline, AlertEngine alerts, Clock clock, Path spoolDir) {
        this.pipeline = pipeline;
        this.alerts = alerts;
        this.clock = clock;
        this.spoolDir = spoolDir;
    }

    /**
     * Runs the pass; {@code progress} (may be null) sees each outcome as it comes, {@code polled} all of them once
     * everything fetched is indexed, before the alerts are evaluated.
     */
    public Report run(Consumer<PollOutcome> progress, Consumer<List<PollOutcome>> polled) throws Exception {
        if (progress != null) {
            pipeline.outcomes().addListener(progress);
        }
        List<PollOutcome> results = pipeline.ingestion().runOnce();
        polled.accept(results);
        int waiting = pipeline.spool().pendingCount();
        AlertRound round = waiting == 0 ? AlertRound.evaluate(alerts, clock.instant()) : null;
        return new Report(results, round, waiting, spoolDir, pipeline.indexer().deadLettered());
    }
}
