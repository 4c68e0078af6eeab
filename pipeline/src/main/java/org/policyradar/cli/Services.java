package org.policyradar.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.cluster.Coordination;
import org.policyradar.config.ConfigException;
import org.policyradar.search.Concepts;
import org.policyradar.search.QueryExpander;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.config.ConfigLoader;
import org.policyradar.config.RadarConfig;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.EmbeddedElasticsearch;
import org.policyradar.index.EsFailures;
import org.policyradar.health.SourceHealthStore;
import org.policyradar.index.IndexSetup;

/**
 * The command line's wiring: configuration, Elasticsearch and the classifier, each built on first use so a command
 * that needs only one of them pays only for it.
 */
final class Services implements AutoCloseable {
    /** Set by the {@code radar} launcher; the build copies the zip there. */
    static final String ES_DISTRIBUTION_PROPERTY = "radar.es.distribution";

    private final Path configDir;
    private final CliEnvironment environment;
    private RadarConfig config;
    private ElasticsearchConnection es;
    private Taxonomy taxonomy;
    private Coordination coordination;

    Services(Path configDir, CliEnvironment environment) {
        this.configDir = configDir;
        this.environment = environment;
    }

    Clock clock() {
        return environment.clock();
    }

    RadarConfig config() {
        if (config == null) {
            config = new ConfigLoader(environment.env()).load(configDir);
            LogRouting.toDataDir(config.dataDir());
        }
        return config;
    }

    EmbeddedElasticsearch embedded() {
        String zip = System.getProperty(ES_DISTRIBUTION_PROPERTY);
        String heap = environment.env().getOrDefault("RADAR_ES_HEAP", "512m");
        String port = environment.env().getOrDefault("RADAR_ES_PORT", "9200");
        if (!port.matches("\\d{1,5}")) {
            throw new UserException("RADAR_ES_PORT: '" + port + "' is not a port number");
        }
        return new EmbeddedElasticsearch(zip == null || zip.isBlank() ? null : Path.of(zip),
                dataDir().resolve("elasticsearch"), Path.of(System.getProperty("java.home")), heap, Integer.parseInt(port));
    }

    /** The connected client, with PolicyRadar's indices and aliases in place; a clear one-line error when unreachable. */
    ElasticsearchConnection elasticsearch() {
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
    void checkCredentials() {
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
    ElasticsearchConnection elasticsearchUnchecked() {
        if (es == null) {
            es = ElasticsearchConnection.open(config().elasticsearch(), embedded());
        }
        return es;
    }

    void ensureIndices() {
        new IndexSetup(elasticsearchUnchecked().client()).ensure(List.of(IndexSetup.ITEMS, SourceHealthStore.INDEX, org.policyradar.change.VersionStore.VERSIONS));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.toString().replace("java.net.", "");
    }

    /** What the instances share: files on one machine, PostgreSQL in cluster mode (validated when first asked for). */
    Coordination coordination() {
        if (coordination == null) {
            coordination = Coordination.open(config().configDir(), dataDir(), environment.env());
        }
        return coordination;
    }

    ItemClassifier classifier() {
        return environment.classifiers().get(config().taxonomy());
    }

    /** The configured taxonomy (an analyst's file or the built-in one), loaded on first use. */
    Taxonomy taxonomy() {
        if (taxonomy == null) {
            try {
                taxonomy = config().taxonomy().map(TaxonomyLoader::load).orElseGet(TaxonomyLoader::loadDefault);
            } catch (TaxonomyException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        return taxonomy;
    }

    /**
     * Cross-language query expansion over the taxonomy's names. Chinese names are segmented by the classifier, which
     * is loaded only when a query actually names a concept.
     */
    QueryExpander queryExpander() {
        return new QueryExpander(Concepts.of(taxonomy()), phrase -> classifier().analyze(phrase, "zh"));
    }

    Path dataDir() {
        Path dir = config().dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
        return dir;
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
