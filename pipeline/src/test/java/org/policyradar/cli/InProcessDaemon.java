package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.policyradar.app.IngestionPipeline;
import org.policyradar.app.Radar;
import org.policyradar.change.ChangeTracker;
import org.policyradar.route.PollOutcomes;

/**
 * {@code radar run} without {@code --once} in the test JVM (the shared classifier, no second JVM): the same
 * {@link IngestionPipeline} and Quartz-scheduled {@code Ingestion.runUntil}, stopped on close as SIGTERM stops it.
 */
final class InProcessDaemon implements AutoCloseable {
    private final Radar services;
    private final IngestionPipeline pipeline;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final Future<?> running;

    private InProcessDaemon(Path configDir) {
        services = new Radar(configDir, CliHarness.ENVIRONMENT.application());
        pipeline = IngestionPipeline.build(services, Duration.ofSeconds(1), ChangeTracker.NONE);
        running = runner.submit(() -> {
            pipeline.ingestion().runUntil(stop, Duration.ofSeconds(20));
            return null;
        });
    }

    static InProcessDaemon start(Path configDir) {
        return new InProcessDaemon(configDir);
    }

    PollOutcomes outcomes() {
        return pipeline.outcomes();
    }

    /** The daemon ended (it should not before {@link #close()}: a failure to await fast on). */
    boolean ended() {
        return running.isDone();
    }

    /** {@code radar sources --json}: the first source's line. */
    static JsonNode sourceHealth(Path configDir) throws IOException {
        CliHarness.Result r = CliHarness.run("sources", "--json", "--config", configDir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
    }

    @Override
    public void close() throws Exception {
        stop.countDown();
        try {
            running.get(1, TimeUnit.MINUTES);
        } finally {
            runner.shutdownNow();
            services.close();
        }
    }
}
