package org.policyradar.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.policyradar.alert.AlertEngine;
import org.policyradar.alert.AlertsConfig;
import org.policyradar.alert.AlertsConfigLoader;
import org.policyradar.config.RadarConfig;
import org.policyradar.config.SourceConfig;
import org.policyradar.health.SourceHealthStore;
import org.policyradar.fetch.FileFetchStateStore;
import org.policyradar.extract.DensityArticleExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.ListingParser;
import org.policyradar.extract.PageContentCheck;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.HostThrottle;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.fetch.RobotsCheckingFetcher;
import org.policyradar.fetch.RobotsPolicy;
import org.policyradar.fetch.HttpFetcher;
import org.policyradar.fetch.RetryingFetcher;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.NearDuplicateMarker;
import org.policyradar.spool.ItemSpool;
import org.policyradar.spool.SpoolingIndexer;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.ItemFactory;
import org.policyradar.parse.FeedDecoder;
import org.policyradar.parse.RomeFeedParser;
import org.policyradar.route.HtmlSourceReader;
import org.policyradar.route.Ingestion;
import org.policyradar.route.PollOutcome;
import org.policyradar.route.PollOutcomes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

/** {@code radar run [--once]}: poll the configured sources. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Poll every source in sources.yaml on its schedule until SIGTERM/SIGINT (then finish in-flight "
                + "items and exit 0), or once with --once.",
                "Exit codes with --once: 0 all sources polled, 3 some sources failed (see the summary), 2 bad configuration."})
final class RunCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--once", description = "One pass over all sources; exits when everything fetched is indexed and refreshed.")
    boolean once;

    @Option(names = "--drain-timeout", defaultValue = "30s", paramLabel = "DURATION",
            description = "How long SIGTERM waits for in-flight polls (default: ${DEFAULT-VALUE}).")
    String drainTimeout;

    @Option(names = "--wait-es", defaultValue = "2m", paramLabel = "DURATION",
            description = "With --once: how long to wait for Elasticsearch to take spooled items (default: ${DEFAULT-VALUE}).")
    String waitEs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration drain = Durations.parse("--drain-timeout", drainTimeout);
        try (Services services = new Services(config.dir, environment)) {
            RadarConfig cfg = services.config();
            // Validated before anything is fetched: a broken alerts.yaml stops the run with file, key and fix.
            AlertsConfig alertsConfig = new AlertsConfigLoader(environment.env()).loadFromDirectory(cfg.configDir());
            var classifier = services.classifier();
            var es = services.elasticsearchUnchecked();
            PollOutcomes outcomes = new PollOutcomes();
            SourceHealthStore health = new SourceHealthStore(es.client(),
                    cfg.sources().stream().collect(Collectors.toMap(SourceConfig::id, s -> s)), services.clock());
            // radar-sources may not exist yet when the first polls fail (nothing indexed so far): create it first.
            java.util.concurrent.atomic.AtomicBoolean healthIndexReady = new java.util.concurrent.atomic.AtomicBoolean();
            outcomes.addListener(o -> {
                if (!healthIndexReady.get()) {
                    try {
                        services.ensureIndices();
                        healthIndexReady.set(true);
                    } catch (RuntimeException unavailable) {
                        // Elasticsearch down: record() logs that the outcome was not recorded; the run goes on
                    }
                }
                health.record(o);
            });
            ItemSpool spool = new ItemSpool(services.dataDir().resolve("spool"), ElasticsearchConnection.objectMapper(),
                    services.clock());
            Fetcher fetcher = new RetryingFetcher(new HttpFetcher(HttpFetcher.Limits.defaults(), services.clock(),
                    new HostThrottle(cfg.politeness().hostDelay(), cfg.politeness().hostConcurrency())), RetryingFetcher.RetryPolicy.defaults());
            FileFetchStateStore fetchState = new FileFetchStateStore(services.dataDir().resolve("fetch-state.json"));
            HtmlSourceReader htmlReader = new HtmlSourceReader(
                    new RobotsCheckingFetcher(fetcher, new RobotsPolicy(fetcher, services.clock())), fetchState,
                    LinkPolicy.system(), new HtmlDecoder(), new ListingParser(), new DensityArticleExtractor(),
                    new PageContentCheck());
            Ingestion ingestion = new Ingestion(cfg, fetcher, fetchState,
                    new RomeFeedParser(new FeedDecoder()), htmlReader,
                    new ItemFactory(classifier),
                    new SpoolingIndexer(spool,
                            new ItemIndexer(es.client(), IndexSetup.ITEMS.alias()), services::ensureIndices,
                            new NearDuplicateMarker(es.client(), IndexSetup.ITEMS.alias(), 0.5)::mark),
                    Durations.parse("--wait-es", waitEs), outcomes, services.clock());
            PrintWriter out = spec.commandLine().getOut();
            if (once) {
                List<PollOutcome> results = ingestion.runOnce();
                printSummary(out, results);
                int waiting = spool.pendingCount();
                if (waiting == 0) {
                    evaluateAlerts(new AlertEngine(es.client(), alertsConfig), out);
                }
                if (waiting > 0) {
                    out.printf("spool: %d batch(es) not yet taken by Elasticsearch are kept in %s and replayed by the next run%n",
                            waiting, services.dataDir().resolve("spool"));
                    out.flush();
                }
                return results.stream().allMatch(PollOutcome::ok) && waiting == 0 ? 0 : 3;
            }
            CountDownLatch stop = new CountDownLatch(1);
            Signal.handle(new Signal("TERM"), s -> stop.countDown());
            Signal.handle(new Signal("INT"), s -> stop.countDown());
            AlertEngine alerts = new AlertEngine(es.client(), alertsConfig);
            ingestion.runUntil(stop, drain, () -> evaluateAlerts(alerts, null), Duration.ofMinutes(5));
            printSummary(out, outcomes.all());
            return 0;
        }
    }

    /** Alerts are evaluated after a pass; a failure is reported and never fails the ingestion that already happened. */
    private void evaluateAlerts(AlertEngine engine, PrintWriter out) {
        try {
            engine.ensureIndices();
            AlertEngine.Result r = engine.evaluate(environment.clock().instant());
            if (out != null) {
                out.printf("alerts: raised=%d delivered=%d delivery_failures=%d%n", r.raised().size(), r.delivered(), r.deliveryFailures());
                out.flush();
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RunCommand.class).warn("event=alerts_failed reason=\"{}\"", e.toString());
            if (out != null) {
                out.println("alerts: not evaluated: " + e.getMessage());
                out.flush();
            }
        }
    }

    static void printSummary(PrintWriter out, List<PollOutcome> results) {
        out.printf("%-28s %6s %8s %6s %8s %7s %8s  %s%n", "SOURCE", "STATUS", "FETCHED", "NEW", "UPDATED", "FAILED", "SPOOLED", "ERROR");
        int fetched = 0;
        int created = 0;
        int failed = 0;
        for (PollOutcome o : results) {
            out.printf("%-28s %6d %8d %6d %8d %7d %8d  %s%n", o.sourceId(), o.status(), o.fetched(), o.created(),
                    o.updated(), o.failed(), o.spooled(), o.error() != null ? o.error() : o.errorsSummary());
            fetched += o.fetched();
            created += o.created();
            failed += o.failed() + (o.ok() ? 0 : 1);
        }
        out.printf("total: sources=%d fetched=%d new=%d failed=%d%n", results.size(), fetched, created, failed);
        out.flush();
    }
}
