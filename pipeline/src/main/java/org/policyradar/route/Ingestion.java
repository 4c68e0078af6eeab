package org.policyradar.route;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.policyradar.config.RadarConfig;
import org.policyradar.config.SourceConfig;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.item.ItemFactory;
import org.policyradar.spool.SpoolingIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routes of {@link SourceRoutes} over the configured sources: one pass ({@link #runOnce()}) or scheduled
 * by Quartz until stopped ({@link #runUntil(CountDownLatch)}).
 */
public final class Ingestion {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);
    /** Sources fetched at the same time in a one-off pass; per-host politeness is the fetcher's job. */
    private static final int PARALLEL_SOURCES = 4;

    private final RadarConfig config;
    private final SourcePoller poller;
    private final SpoolingIndexer indexer;
    private final Duration spoolWait;
    private final PollOutcomes outcomes;

    public Ingestion(RadarConfig config, SourceReaders readers, FetchStateStore fetchState, ItemFactory itemFactory, SpoolingIndexer indexer, SeenEntries seen, Duration spoolWait,
                     PollOutcomes outcomes, Clock clock) {
        this.spoolWait = spoolWait;
        this.config = config;
        this.indexer = indexer;
        this.outcomes = outcomes;
        Map<String, SourceConfig> byId = new LinkedHashMap<>();
        config.sources().forEach(s -> byId.put(s.id(), s));
        this.poller = new SourcePoller(byId, readers, fetchState, itemFactory, indexer, seen, outcomes, clock);
    }

    /** Polls every source once, waits until everything fetched is indexed and refreshed, returns the outcomes. */
    public List<PollOutcome> runOnce() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new SourceRoutes(config.sources(), poller, config.classifyThreads(), false));
            camel.start();
            indexer.replay(); // what an earlier run could not store goes first
            ProducerTemplate producer = camel.createProducerTemplate();
            int before = outcomes.all().size();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_SOURCES, config.sources().size()));
            try {
                List<Future<?>> polls = new ArrayList<>();
                for (SourceConfig source : config.sources()) {
                    polls.add(pool.submit(() -> producer.sendBodyAndHeader(SourceRoutes.POLL, null, SourcePoller.SOURCE_ID, source.id())));
                }
                for (Future<?> f : polls) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            int left = indexer.drain(spoolWait, attempt -> Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt, 5))));
            if (left > 0) {
                LOG.warn("event=spool_not_drained pending_batches={} wait_s={} action=kept_for_next_run", left, spoolWait.toSeconds());
            } else {
                indexer.refresh();
            }
            List<PollOutcome> all = outcomes.all();
            return all.subList(before, all.size());
        }
    }

    /**
     * Polls on schedule until {@code stop} is released (SIGTERM), then stops taking new polls and lets in-flight
     * ones finish (bounded by {@code drainTimeout}).
     */
    public void runUntil(CountDownLatch stop, Duration drainTimeout) throws Exception {
        runUntil(stop, drainTimeout, () -> { }, Duration.ofMinutes(5));
    }

    /** As {@link #runUntil(CountDownLatch, Duration)}, also running {@code periodic} (alert evaluation) every {@code period}. */
    public void runUntil(CountDownLatch stop, Duration drainTimeout, Runnable periodic, Duration period) throws Exception {
        runUntil(stop, drainTimeout, periodic, period, camel -> { });
    }

    /**
     * As above, with {@code prepare} applied to the Camel context before any route is added: cluster mode puts
     * Quartz's clustered job store there, so each source's trigger and the alert job fire on one instance only.
     */
    public void runUntil(CountDownLatch stop, Duration drainTimeout, Runnable periodic, Duration period,
                         Consumer<CamelContext> prepare) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            prepare.accept(camel);
            camel.getShutdownStrategy().setTimeout(drainTimeout.toSeconds());
            camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
            camel.addRoutes(new SourceRoutes(config.sources(), poller, config.classifyThreads(), true));
            camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("quartz:radar/alerts?stateful=true&trigger.repeatInterval=" + period.toMillis() + "&trigger.repeatCount=-1")
                            .routeId("alerts").process(e -> periodic.run());
                }
            });
            // Replays what Elasticsearch could not take while it was down, restarting or rejecting. Not a Quartz job:
            // the spool is this instance's own, and a clustered trigger would fire on just one instance.
            ScheduledExecutorService replay = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "spool-replay");
            replay.scheduleWithFixedDelay(this::replaySpool, 0, 30, TimeUnit.SECONDS);
            camel.start();
            LOG.info("event=daemon_started sources={}", config.sources().size());
            stop.await();
            LOG.info("event=daemon_stopping reason=signal drain_timeout_s={}", drainTimeout.toSeconds());
            camel.stop();
            replay.shutdown();
            replay.awaitTermination(drainTimeout.toSeconds(), TimeUnit.SECONDS);
            indexer.replay();
            try {
                indexer.refresh();
            } catch (java.io.IOException e) {
                LOG.warn("event=refresh_failed reason=\"{}\" pending_batches={}", e.getMessage(), indexer.spool().pendingCount());
            }
            LOG.info("event=daemon_stopped");
        }
    }

    private void replaySpool() {
        try {
            indexer.replay();
        } catch (RuntimeException e) {
            LOG.warn("event=spool_replay_failed reason=\"{}\"", String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }
}
