package org.policyradar.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.policyradar.alert.AlertEngine;
import org.policyradar.alert.AlertsConfig;
import org.policyradar.alert.AlertsConfigLoader;
import org.policyradar.change.ChangeSummary;
import org.policyradar.change.ChangeTracker;
import org.policyradar.change.VersionStore;
import org.policyradar.config.RadarConfig;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.route.CoalescingTrigger;
import org.policyradar.spool.ItemSpool;
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
            AlertsConfigLoader.checkSources(alertsConfig, cfg.configDir(), cfg.sources());
            Taxonomy taxonomy = taxonomy(cfg);
            AlertsConfigLoader.checkTaxonomy(alertsConfig, cfg.configDir(), taxonomy);
            services.checkCredentials();
            IngestionPipeline pipeline = IngestionPipeline.build(services, Durations.parse("--wait-es", waitEs),
                    new ChangeTracker(new VersionStore(services.elasticsearchUnchecked().client()),
                            new ChangeSummary(taxonomy), alertsConfig.changes()));
            Ingestion ingestion = pipeline.ingestion();
            ItemSpool spool = pipeline.spool();
            PollOutcomes outcomes = pipeline.outcomes();
            var es = pipeline.es();
            PrintWriter out = spec.commandLine().getOut();
            if (once) {
                // Progress only for a person at a terminal; a pipe or a test gets the summary alone.
                RunProgress progress = System.console() != null
                        ? new RunProgress(spec.commandLine().getErr(), cfg.sources().size()) : null;
                if (progress != null) {
                    outcomes.addListener(progress);
                }
                List<PollOutcome> results = ingestion.runOnce();
                if (progress != null) {
                    progress.finish();
                }
                printSummary(out, results);
                int waiting = spool.pendingCount();
                if (waiting == 0) {
                    evaluateAlerts(new AlertEngine(es.client(), alertsConfig, IndexSetup.ITEMS.alias(), services.queryExpander()), out);
                }
                if (waiting > 0) {
                    out.printf("spool: %d batch(es) not yet taken by Elasticsearch are kept in %s and replayed by the next run%n",
                            waiting, services.dataDir().resolve("spool"));
                    out.flush();
                }
                int deadLettered = pipeline.indexer().deadLettered();
                if (deadLettered > 0) {
                    out.printf("spool: %d item(s) refused for good and dead-lettered (radar spool dead-letters; radar spool retry once fixed)%n",
                            deadLettered);
                    out.flush();
                }
                return results.stream().allMatch(PollOutcome::ok) && waiting == 0 && deadLettered == 0 ? 0 : 3;
            }
            CountDownLatch stop = new CountDownLatch(1);
            Signal.handle(new Signal("TERM"), s -> stop.countDown());
            Signal.handle(new Signal("INT"), s -> stop.countDown());
            AlertEngine alerts = new AlertEngine(es.client(), alertsConfig, IndexSetup.ITEMS.alias(), services.queryExpander());
            // Alerts follow their items: evaluated after every poll that stored something (bursts folded into one
            // evaluation), and every 5 minutes for what time alone changes (spike windows, delivery retries, digests).
            try (CoalescingTrigger evaluation = new CoalescingTrigger("alerts", () -> {
                refreshItems(es);
                evaluateAlerts(alerts, null);
            })) {
                outcomes.addListener(o -> {
                    if (o.created() + o.updated() > 0) {
                        evaluation.request();
                    }
                });
                ingestion.runUntil(stop, drain, evaluation::request, Duration.ofMinutes(5));
            }
            printSummary(out, outcomes.all());
            return 0;
        }
    }

    /** The taxonomy whose terms the change summaries point out: the analyst's file or the built-in one. */
    private static Taxonomy taxonomy(RadarConfig cfg) {
        return cfg.taxonomy().map(TaxonomyLoader::load).orElseGet(TaxonomyLoader::loadDefault);
    }

    /** Alerts are evaluated after a pass; a failure is reported and never fails the ingestion that already happened. */
    /** Makes what the last polls stored searchable before the watches look for it. */
    private static void refreshItems(ElasticsearchConnection es) {
        try {
            es.client().indices().refresh(r -> r.index(IndexSetup.ITEMS.alias()));
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RunCommand.class).warn("event=refresh_failed index={} reason=\"{}\"",
                    IndexSetup.ITEMS.alias(), String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }

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
        out.printf("%-28s %6s %8s %6s %8s %9s %7s %8s  %s%n", "SOURCE", "STATUS", "FETCHED", "NEW", "UPDATED", "UNCHANGED", "FAILED",
                "SPOOLED", "ERROR");
        int fetched = 0;
        int created = 0;
        int failed = 0;
        for (PollOutcome o : results) {
            out.printf("%-28s %6d %8d %6d %8d %9d %7d %8d  %s%n", o.sourceId(), o.status(), o.fetched(), o.created(),
                    o.updated(), o.unchanged(), o.failed(), o.spooled(), oneLine(o.error() != null ? o.error() : o.errorsSummary()));
            fetched += o.fetched();
            created += o.created();
            failed += o.failed() + (o.ok() ? 0 : 1);
        }
        out.printf("total: sources=%d fetched=%d new=%d failed=%d%n", results.size(), fetched, created, failed);
        out.flush();
    }

    /** A source's error as one line of the table: line breaks and runs of spaces folded, very long messages cut. */
    static String oneLine(String error) {
        String line = error == null ? "" : error.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR - 1) + "…";
    }

    private static final int MAX_ERROR = 200;
}
