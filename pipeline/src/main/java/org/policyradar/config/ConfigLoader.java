package org.policyradar.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.policyradar.yaml.YamlFiles;
import org.policyradar.yaml.YamlMap;

/**
 * Reads and validates {@code radar.yaml} and {@code sources.yaml} from a configuration directory. Every problem is
 * reported as a {@link ConfigException} naming the file, the source id, the key and the fix; validation happens
 * once, at start-up, before anything is fetched.
 *
 * <p>Environment variables win over {@code radar.yaml}: {@code RADAR_ES_URL}, {@code RADAR_ES_USERNAME},
 * {@code RADAR_ES_PASSWORD}, {@code RADAR_ES_API_KEY}, {@code RADAR_ES_CA_FILE}, {@code RADAR_DATA_DIR}.
 */
public final class ConfigLoader {

    public static final String SOURCES_FILE = "sources.yaml";
    public static final String RADAR_FILE = "radar.yaml";

    private static final Set<String> RADAR_KEYS = Set.of("elasticsearch", "data_dir", "taxonomy", "classify_threads", "cluster",
            "politeness");
    private static final Set<String> POLITENESS_KEYS = Set.of("host_delay", "host_concurrency");
    private static final Set<String> ES_KEYS = Set.of("url", "username", "password_file", "api_key_file", "ca_file");

    private final YamlFiles yaml = new YamlFiles(ConfigException::new);
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public RadarConfig load(Path configDir) {
        Path dir = configDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": configuration directory not found; pass --config DIR with a "
                    + SOURCES_FILE + " in it");
        }
        Path radarFile = dir.resolve(RADAR_FILE);
        YamlMap radar = YamlMap.of(radarFile.toString(), Files.exists(radarFile) ? yaml.readMap(radarFile) : yaml.emptyMap(),
                ConfigException::new).checkKeys(RADAR_KEYS);

        ElasticsearchSettings es = elasticsearch(radar);
        Path dataDir = env.containsKey("RADAR_DATA_DIR") ? Path.of(env.get("RADAR_DATA_DIR"))
                : radar.text("data_dir").map(dir::resolve).orElseGet(ConfigLoader::defaultDataDir);
        Optional<Path> taxonomy = radar.text("taxonomy").map(dir::resolve);
        taxonomy.ifPresent(t -> {
            if (!Files.isRegularFile(t)) {
                throw radar.problem("taxonomy", "file " + t + " not found; fix the path or remove the key to use the "
                        + "built-in taxonomy");
            }
        });
        int threads = radar.wholeNumber("classify_threads", 1, 64, Runtime.getRuntime().availableProcessors());
        Politeness defaults = Politeness.defaults();
        Politeness politeness = radar.map("politeness", POLITENESS_KEYS)
                .map(p -> new Politeness(p.duration("host_delay", "delay", "500ms, 1s or 1m").orElse(defaults.hostDelay()),
                        p.wholeNumber("host_concurrency", 1, 64, defaults.hostConcurrency())))
                .orElse(defaults);
        List<SourceConfig> sources = loadSources(dir.resolve(SOURCES_FILE));
        return new RadarConfig(dir, dataDir.toAbsolutePath().normalize(), es, taxonomy, threads, politeness, sources);
    }

    /** Where data lives when nothing says otherwise; must be traversable by the unprivileged Elasticsearch user. */
    public static Path defaultDataDir() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/policyradar");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("policyradar");
    }

    private ElasticsearchSettings elasticsearch(YamlMap radar) {
        Optional<YamlMap> node = radar.map("elasticsearch", "must be a map with keys " + new TreeSet<>(ES_KEYS));
        node.ifPresent(es -> {
            for (String secret : List.of("password", "api_key")) {
                if (es.has(secret)) {
                    throw es.problem(secret, "secrets are never read from radar.yaml; set RADAR_ES_PASSWORD / "
                            + "RADAR_ES_API_KEY or point password_file / api_key_file at a file only you can read");
                }
            }
            es.checkKeys(ES_KEYS);
        });
        Optional<String> url = firstOf(env.get("RADAR_ES_URL"), node.flatMap(es -> es.text("url")));
        url.ifPresent(u -> ElasticsearchUrls.parse(u,
                env.containsKey("RADAR_ES_URL") ? "RADAR_ES_URL" : radar.where() + ": key 'elasticsearch.url'"));
        Optional<String> user = firstOf(env.get("RADAR_ES_USERNAME"), node.flatMap(es -> es.text("username")));
        Optional<String> password = firstOf(env.get("RADAR_ES_PASSWORD"), node.flatMap(es -> secretFile(es, "password_file")));
        Optional<String> apiKey = firstOf(env.get("RADAR_ES_API_KEY"), node.flatMap(es -> secretFile(es, "api_key_file")));
        Optional<Path> ca = firstOf(env.get("RADAR_ES_CA_FILE"), node.flatMap(es -> es.text("ca_file"))).map(Path::of);
        ca.ifPresent(p -> {
            if (!Files.isReadable(p)) {
                throw new ConfigException(radar.where() + ": key 'elasticsearch.ca_file': " + p + " is not a readable file");
            }
        });
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(radar.where() + ": key 'elasticsearch.username': basic auth needs both a username "
                    + "and a password (RADAR_ES_PASSWORD or elasticsearch.password_file)");
        }
        return new ElasticsearchSettings(url, user, password, apiKey, ca);
    }

    private static Optional<String> secretFile(YamlMap es, String key) {
        return es.text(key).map(p -> {
            try {
                return Files.readString(Path.of(p)).strip();
            } catch (IOException e) {
                throw es.problem(key, "cannot read " + p + ": " + e.getMessage());
            }
        });
    }

    /** Reads and validates {@code sources.yaml}. */
    public List<SourceConfig> loadSources(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": not found; a configuration directory needs a " + SOURCES_FILE
                    + " with a 'sources:' list (see config/sources.yaml)");
        }
        YamlMap root = YamlMap.of(file.toString(), yaml.readMap(file), ConfigException::new).checkKeys(Set.of("sources"));
        String listShape = "must be a non-empty list of sources";
        List<SourceConfig> out = new ArrayList<>();
        for (YamlMap.Entry e : root.idEntries("sources", "source", SourceKeys.ID, listShape,
                "must be a map with keys id, name, region, language, kind, url, schedule")) {
            out.add(SourceKeys.source(e));
        }
        if (out.isEmpty()) {
            throw root.problem("sources", listShape);
        }
        return List.copyOf(out);
    }

    @SafeVarargs
    private static <T> Optional<T> firstOf(T first, Optional<T>... rest) {
        if (first != null && !(first instanceof String s && s.isBlank())) {
            return Optional.of(first);
        }
        for (Optional<T> o : rest) {
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }
}
