package org.policyradar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyradar.alert.AlertEngine;
import org.policyradar.alert.AlertsConfig;
import org.policyradar.alert.AlertsConfigLoader;
import org.policyradar.change.ChangeSummary;
import org.policyradar.change.ChangeTracker;
import org.policyradar.cluster.Coordination;
import org.policyradar.item.Glossary;
import org.policyradar.reclassify.ReclassifyStateFile;
import org.policyradar.reclassify.Reclassifier;
import org.policyradar.process.postgres.EmbeddedPostgres;
import org.policyradar.change.VersionStore;
import org.policyradar.check.SourceChecker;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.ListingParser;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.health.SourceHealth;
import org.policyradar.kibana.KibanaValidator;
import org.policyradar.listing.ListingDetector;
import org.policyradar.search.Concepts;
import org.policyradar.search.QueryExpander;
import org.policyradar.spool.ItemSpool;
import org.policyradar.spool.SpoolContents;
import org.policyradar.spool.SpoolingIndexer;
import org.policyradar.route.Ingestion;
import org.policyradar.bench.EndToEndBenchmark;
import org.policyradar.index.ItemSearch;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.config.ConfigLoader;
import org.policyradar.config.RadarConfig;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.process.elasticsearch.EmbeddedElasticsearch;
import org.policyradar.index.EsFailures;
import org.policyradar.health.SourceHealthStore;
import org.policyradar.index.IndexSetup;

/**
 * The composition root: builds PolicyRadar from the configuration directory and the process environment, and hands
 * each command what it runs (the run-once pass, the daemon, the alert engine, the search, extraction with the
 * pipeline's fetcher, the source check, the spool). Configuration, Elasticsearch, the taxonomy and the classifier
 * are built on first use, so a command that needs only one of them pays only for it. The ingestion graph itself is
 * {@link IngestionPipeline}.
 */
public final class Radar implements AutoCloseable {
    /** Set by the {@code radar} launcher; the build copies the zip there. */
    public static final String ES_DISTRIBUTION_PROPERTY = "radar.es.distribution";

    private final Path configDir;
    private final RadarEnvironment environment;
    private RadarConfig config;
    private ElasticsearchConnection es;
    private AlertsConfig alertsConfig;
    private Fetcher fetcher;
    private Coordination coordination;

    public Radar(Path configDir, RadarEnvironment environment) {
        this.configDir = configDir;
        this.environment = environment;
    }

    public Clock clock() {
        return environment.clock();
    }

    public RadarConfig config() {
        if (config == null) {
            config = new ConfigLoader(environment.env()).load(configDir);
            LogRouting.toDataDir(config.dataDir());
        }
        return config;
    }

    public EmbeddedElasticsearch embedded() {
        String zip = System.getProperty(ES_DISTRIBUTION_PROPERTY);
        String heap = environment.env().getOrDefault("RADAR_ES_HEAP", "512m");
        return new EmbeddedElasticsearch(zip == null || zip.isBlank() ? null : Path.of(zip),
                dataDir().resolve("elasticsearch"), Path.of(System.getProperty("java.home")), heap, port("RADAR_ES_PORT", "9200"));
    }

    /** The connected client, with PolicyRadar's indices and aliases in place; a clear one-line error when unreachable. */
    public ElasticsearchConnection elasticsearch() {
        ElasticsearchConnection connection = elasticsearchUnchecked();
        try {
            ensureIndices();
        } catch (RuntimeException e) {
            refuseRejectedCredentials(connection, e);
            throw new UserException("Elasticsearch at " + connection.url() + " is not usable: " + rootMessage(e)
                    + " (check it with: radar es status, or RADAR_ES_URL / elasticsearch.url)");
        }
        return connection;
    }

    /**
     * Elasticsearch may be down (a run then spools what it fetches), but one that answers 401/403 refuses who we are,
     * which no wait cures: stop at once with one line naming the URL and the status (never the secret).
     */
    public void checkCredentials() {
        ElasticsearchConnection connection = elasticsearchUnchecked();
        try {
            connection.client().info();
        } catch (IOException | RuntimeException e) {
            refuseRejectedCredentials(connection, e); // anything else: down or starting, the run spools
        }
    }

    private static void refuseRejectedCredentials(ElasticsearchConnection connection, Exception e) {
        int status = EsFailures.status(e);
        if (status == 401 || status == 403) {
            throw new UserException("Elasticsearch at " + connection.url() + " refused the credentials: HTTP " + status
                    + (status == 401 ? " Unauthorized" : " Forbidden")
                    + " (check RADAR_ES_USERNAME and RADAR_ES_PASSWORD, or RADAR_ES_API_KEY, and the user's privileges)");
        }
    }

    /** The client without touching the cluster: ingestion keeps fetching and spooling while Elasticsearch is down. */
    public ElasticsearchConnection elasticsearchUnchecked() {
        if (es == null) {
            es = ElasticsearchConnection.open(config().elasticsearch(), () -> embedded().url());
        }
        return es;
    }

    public void ensureIndices() {
        new IndexSetup(elasticsearchUnchecked().client()).ensure(List.of(IndexSetup.ITEMS, SourceHealthStore.INDEX, VersionStore.VERSIONS));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.toString().replace("java.net.", "");
    }

    public ItemClassifier classifier() {
        return environment.classifiers().classifier(config().taxonomy());
    }

    /** The configured taxonomy (an analyst's file or the built-in one), read once for every part that needs it. */
    public Taxonomy taxonomy() {
        return environment.classifiers().taxonomy(config().taxonomy());
    }

    /**
     * Cross-language query expansion over the taxonomy's names. Chinese names are segmented by the classifier, which
     * is loaded only when a query actually names a concept.
     */
    public QueryExpander queryExpander() {
        return new QueryExpander(Concepts.of(taxonomy()), phrase -> classifier().analyze(phrase, "zh"));
    }

    /** {@code alerts.yaml} of the configuration directory (none: nothing configured), read and validated once. */
    public AlertsConfig alertsConfig() {
        if (alertsConfig == null) {
            alertsConfig = new AlertsConfigLoader(environment.env()).loadFromDirectory(configDir.toAbsolutePath().normalize());
        }
        return alertsConfig;
    }

    /** The alert engine on a usable Elasticsearch, its indices in place: {@code radar alerts}. */
    public AlertEngine alertEngine() {
        alertsConfig(); // a broken alerts.yaml is reported before Elasticsearch is asked
        AlertEngine engine = alertEngine(elasticsearch());
        engine.ensureIndices();
        return engine;
    }

    private AlertEngine alertEngine(ElasticsearchConnection connection) {
        return new AlertEngine(connection.client(), alertsConfig(), IndexSetup.ITEMS.alias(), queryExpander());
    }

    /** {@code radar run --once}: one pass, then the alerts. */
    public RunOnce runOnce(Duration waitEs) {
        IngestionPipeline pipeline = runPipeline(waitEs);
        return new RunOnce(pipeline, alertEngine(pipeline.es()), clock(), spoolDir());
    }

    /** {@code radar run}: polls on schedule until stopped, alerts following their items. */
    public Daemon daemon(Duration waitEs, Duration drainTimeout) {
        IngestionPipeline pipeline = runPipeline(waitEs);
        return new Daemon(pipeline, alertEngine(pipeline.es()), coordination(), clock(), drainTimeout);
    }

    /**
     * The pipeline of a run, after what must hold before anything is fetched: alerts.yaml valid and naming only
     * configured sources, and Elasticsearch not refusing our credentials (down is fine: the run spools).
     */
    private IngestionPipeline runPipeline(Duration waitEs) {
        RadarConfig cfg = config();
        AlertsConfigLoader.checkSources(alertsConfig(), cfg.configDir(), cfg.sources());
        AlertsConfigLoader.checkTaxonomy(alertsConfig(), cfg.configDir(), taxonomy());
        checkCredentials();
        ChangeTracker changes = new ChangeTracker(new VersionStore(elasticsearchUnchecked().client()),
                new ChangeSummary(taxonomy()), alertsConfig().changes());
        return IngestionPipeline.build(this, waitEs, changes);
    }

    /**
     * The pipeline's fetcher, one per application: HTTP with the configured per-host politeness, retrying transient
     * failures. Polls, {@code sources check} and {@code extract} share it (and so its per-host spacing).
     */
    public Fetcher fetcher() {
        if (fetcher == null) {
            fetcher = IngestionPipeline.fetcher(this);
        }
        return fetcher;
    }

    /** {@code radar extract}: main text of files or URLs, URLs fetched as a poll fetches a linked page. */
    public Extraction extraction() {
        return new Extraction(() -> IngestionPipeline.underRobotsTxt(fetcher(), clock()),
                LinkPolicy.system(), new HtmlDecoder(), IngestionPipeline.articleExtractor());
    }

    /** {@code radar sources check}: each source's readers as in a poll, nothing stored. */
    public SourceChecker sourceChecker() {
        return new SourceChecker(IngestionPipeline.readers(this, fetcher(), IngestionPipeline.NOTHING_STORED, ChangeTracker.NONE),
                new HtmlDecoder(), new ListingDetector(new ListingParser()));
    }

    /** {@code radar sources}: the recorded health of every configured source, in configuration order. */
    public List<SourceHealth> sourceHealth() throws IOException {
        Map<String, SourceConfig> configured = config().sources().stream()
                .collect(Collectors.toMap(SourceConfig::id, s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
        return new SourceHealthStore(elasticsearch().client(), configured, clock()).all();
    }

    /** What waits in the spool (read from its directory, never from Elasticsearch). */
    public SpoolContents spoolContents() {
        return new SpoolContents(spoolDir(), ElasticsearchConnection.objectMapper());
    }

    public Path spoolDir() {
        return dataDir().resolve(IngestionPipeline.SPOOL_DIR);
    }

    /** {@code radar spool retry}: the dead letters back into the spool, then sent. */
    public DeadLetterRetry retryDeadLetters() throws IOException {
        ItemSpool spool = new ItemSpool(spoolDir(), ElasticsearchConnection.objectMapper(), clock());
        Map<String, Integer> requeued = spool.requeueDeadLetters();
        Drained drained = drain(spool, Duration.ofSeconds(30), attempt -> Duration.ofSeconds(1));
        return new DeadLetterRetry(requeued, drained.stillWaiting(), drained.deadLettered());
    }

    private record Drained(int stillWaiting, int deadLettered) {
    }

    /** Sends what waits in {@code spool} until it is empty or {@code wait} is over, then makes it searchable. */
    private Drained drain(ItemSpool spool, Duration wait, Function<Integer, Duration> backoff) throws IOException {
        SpoolingIndexer indexer = IngestionPipeline.spoolingIndexer(this, spool, elasticsearch());
        int left = indexer.drain(wait, backoff);
        indexer.refresh();
        return new Drained(left, indexer.deadLettered());
    }

    /** What {@code radar spool replay --from DIR} did with another instance's spool. */
    public record SpoolReplay(Path dir, int batches, int stillWaiting, int deadLettered) {
        public boolean allIndexed() {
            return stillWaiting == 0 && deadLettered == 0;
        }
    }

    /** {@code radar spool replay --from DIR}: another instance's spool sent to Elasticsearch (items are written by id). */
    public SpoolReplay replaySpool(Path dir, Duration wait) throws IOException {
        ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), clock());
        int before = spool.pendingCount();
        Drained drained = drain(spool, wait, attempt -> Duration.ofSeconds(Math.min(10, 1L << Math.min(attempt, 3))));
        return new SpoolReplay(dir, before, drained.stillWaiting(), drained.deadLettered());
    }

    /** The embedded PostgreSQL of {@code radar pg} (Debian's binaries, data under DATA_DIR/postgres). */
    public EmbeddedPostgres embeddedPostgres() {
        int port = port("RADAR_PG_PORT", "5432");
        try {
            return new EmbeddedPostgres(EmbeddedPostgres.findBinaries(environment.env().get("RADAR_PG_BIN")),
                    dataDir().resolve("postgres"), port);
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** {@code radar reclassify}: the stored archive classified again, resumable from DATA_DIR/reclassify/state.json. */
    public Reclassifier reclassifier() {
        return new Reclassifier(elasticsearch().client(), classifier(), Glossary.of(taxonomy()),
                new ReclassifyStateFile(dataDir().resolve("reclassify").resolve("state.json"), ElasticsearchConnection.objectMapper()),
                clock(), ElasticsearchConnection.objectMapper());
    }

    /** {@code radar search}: the query expanded across languages, analysed as indexed text is. */
    public Search search() {
        return new Search(this::classifier, queryExpander(), new ItemSearch(elasticsearch().client(), IndexSetup.ITEMS.alias()));
    }

    /** {@code radar kibana validate}: the saved objects against the live mappings and data. */
    public KibanaValidator kibanaValidator() {
        return new KibanaValidator(elasticsearch().client());
    }

    /**
     * {@code radar bench --end-to-end}: the very pipeline of {@code radar run --once}, each replay on its own
     * configuration and data directory (spool, fetch state), against this application's Elasticsearch.
     */
    public EndToEndBenchmark.PipelineOpener replayPipelines() {
        String esUrl = elasticsearch().url();
        return (replayConfig, replayData) -> {
            Radar replay = new Radar(replayConfig, environment.withEnv(
                    Map.of("RADAR_DATA_DIR", replayData.toString(), "RADAR_ES_URL", esUrl)));
            IngestionPipeline pipeline = IngestionPipeline.build(replay, Duration.ofMinutes(2), ChangeTracker.NONE);
            return new EndToEndBenchmark.OpenPipeline() {
                @Override
                public Ingestion ingestion() {
                    return pipeline.ingestion();
                }

                @Override
                public void close() {
                    replay.close();
                }
            };
        };
    }

    public Path dataDir() {
        Path dir = config().dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
        return dir;
    }

    /** What the instances share: files on one machine, PostgreSQL in cluster mode (validated when first asked for). */
    public Coordination coordination() {
        if (coordination == null) {
            coordination = Coordination.open(config().configDir(), dataDir(), environment.env());
        }
        return coordination;
    }

    /** A port from the environment (a preferred one: the server takes a free one when it is busy). */
    private int port(String variable, String defaultPort) {
        String port = environment.env().getOrDefault(variable, defaultPort);
        if (!port.matches("\\d{1,5}")) {
            throw new UserException(variable + ": '" + port + "' is not a port number");
        }
        return Integer.parseInt(port);
    }

    @Override
    public void close() {
        if (coordination != null) {
            coordination.close();
        }
        if (es != null) {
            es.close();
        }
    }
}
