package org.policyradar.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.policyradar.yaml.DurationText;
import org.policyradar.yaml.YamlFiles;

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

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> SOURCE_KEYS = Set.of("id", "name", "region", "language", "kind", "url",
            "schedule", "charset", "track_changes", "listing", "json", "follow", "allow_hosts", "note",
            "method", "body", "headers", "user_agent");
    private static final Set<String> RADAR_KEYS = Set.of("elasticsearch", "data_dir", "taxonomy", "classify_threads",
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
        ObjectNode radar = Files.exists(radarFile) ? yaml.readMap(radarFile) : yaml.emptyMap();
        checkKeys(radarFile, "", radar, RADAR_KEYS);

        ElasticsearchSettings es = elasticsearch(radarFile, radar.path("elasticsearch"));
        Path dataDir = env.containsKey("RADAR_DATA_DIR") ? Path.of(env.get("RADAR_DATA_DIR"))
                : radar.hasNonNull("data_dir") ? dir.resolve(radar.get("data_dir").asText()) : defaultDataDir();
        Optional<Path> taxonomy = Optional.ofNullable(radar.get("taxonomy")).map(JsonNode::asText).map(dir::resolve);
        taxonomy.ifPresent(t -> {
            if (!Files.isRegularFile(t)) {
                throw new ConfigException(radarFile + ": key 'taxonomy': file " + t + " not found; fix the path or "
                        + "remove the key to use the built-in taxonomy");
            }
        });
        int threads = Runtime.getRuntime().availableProcessors();
        if (radar.has("classify_threads")) {
            JsonNode t = radar.get("classify_threads");
            if (!t.canConvertToInt() || t.asInt() < 1 || t.asInt() > 64) {
                throw new ConfigException(radarFile + ": key 'classify_threads': '" + t.asText()
                        + "' is not a whole number from 1 to 64");
            }
            threads = t.asInt();
        }
        Politeness politeness = politeness(radarFile, radar.path("politeness"));
        List<SourceConfig> sources = loadSources(dir.resolve(SOURCES_FILE));
        return new RadarConfig(dir, dataDir.toAbsolutePath().normalize(), es, taxonomy, threads, politeness, sources);
    }

    private Politeness politeness(Path file, JsonNode node) {
        Politeness defaults = Politeness.defaults();
        if (node.isMissingNode() || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            throw new ConfigException(file + ": key 'politeness' must be a map with keys " + POLITENESS_KEYS);
        }
        checkKeys(file, "politeness.", (ObjectNode) node, POLITENESS_KEYS);
        Duration delay = defaults.hostDelay();
        if (node.has("host_delay")) {
            delay = DurationText.parse(node.get("host_delay").asText()).orElseThrow(() ->
                    new ConfigException(file + ": key 'politeness.host_delay': '" + node.get("host_delay").asText()
                        + "' is not a delay; use e.g. 500ms, 1s or 1m"));
        }
        int concurrency = defaults.hostConcurrency();
        if (node.has("host_concurrency")) {
            JsonNode c = node.get("host_concurrency");
            if (!c.canConvertToInt() || c.asInt() < 1 || c.asInt() > 64) {
                throw new ConfigException(file + ": key 'politeness.host_concurrency': '" + c.asText()
                        + "' is not a whole number from 1 to 64");
            }
            concurrency = c.asInt();
        }
        return new Politeness(delay, concurrency);
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

    private ElasticsearchSettings elasticsearch(Path file, JsonNode node) {
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new ConfigException(file + ": key 'elasticsearch' must be a map with keys " + ES_KEYS);
        }
        if (node.isObject()) {
            if (node.has("password") || node.has("api_key")) {
                throw new ConfigException(file + ": key 'elasticsearch." + (node.has("password") ? "password" : "api_key")
                        + "': secrets are never read from radar.yaml; set RADAR_ES_PASSWORD / RADAR_ES_API_KEY or "
                        + "point password_file / api_key_file at a file only you can read");
            }
            checkKeys(file, "elasticsearch.", (ObjectNode) node, ES_KEYS);
        }
        Optional<String> url = firstOf(env.get("RADAR_ES_URL"), text(node, "url"));
        url.ifPresent(u -> {
            try {
                URI uri = new URI(u);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new URISyntaxException(u, "not an http(s) URL with a host");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException((env.containsKey("RADAR_ES_URL") ? "RADAR_ES_URL" : file + ": key 'elasticsearch.url'")
                        + ": '" + u + "' is not a valid URL (" + e.getReason() + "); use e.g. https://es.example.org:9200");
            }
        });
        Optional<String> user = firstOf(env.get("RADAR_ES_USERNAME"), text(node, "username"));
        Optional<String> password = firstOf(env.get("RADAR_ES_PASSWORD"), secretFile(file, node, "password_file"));
        Optional<String> apiKey = firstOf(env.get("RADAR_ES_API_KEY"), secretFile(file, node, "api_key_file"));
        Optional<Path> ca = firstOf(env.get("RADAR_ES_CA_FILE"), text(node, "ca_file")).map(Path::of);
        ca.ifPresent(p -> {
            if (!Files.isReadable(p)) {
                throw new ConfigException(file + ": key 'elasticsearch.ca_file': " + p + " is not a readable file");
            }
        });
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(file + ": key 'elasticsearch.username': basic auth needs both a username and a "
                    + "password (RADAR_ES_PASSWORD or elasticsearch.password_file)");
        }
        return new ElasticsearchSettings(url, user, password, apiKey, ca);
    }

    private static Optional<String> secretFile(Path file, JsonNode node, String key) {
        return text(node, key).map(p -> {
            try {
                return Files.readString(Path.of(p)).strip();
            } catch (IOException e) {
                throw new ConfigException(file + ": key 'elasticsearch." + key + "': cannot read " + p + ": " + e.getMessage());
            }
        });
    }

    /** Reads and validates {@code sources.yaml}. */
    public List<SourceConfig> loadSources(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": not found; a configuration directory needs a " + SOURCES_FILE
                    + " with a 'sources:' list (see config/sources.yaml)");
        }
        ObjectNode root = yaml.readMap(file);
        checkKeys(file, "", root, Set.of("sources"));
        JsonNode list = root.path("sources");
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigException(file + ": key 'sources' must be a non-empty list of sources");
        }
        List<SourceConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            if (!node.isObject()) {
                throw new ConfigException(file + ": sources entry #" + index + " must be a map with keys id, name, "
                        + "region, language, kind, url, schedule");
            }
            SourceConfig source = source(file, index, (ObjectNode) node);
            if (!ids.add(source.id())) {
                throw new ConfigException(file + ": source '" + source.id() + "': key 'id': duplicate id; every source "
                        + "needs its own id");
            }
            out.add(source);
        }
        return List.copyOf(out);
    }

    private SourceConfig source(Path file, int index, ObjectNode node) {
        String position = file + ": source #" + index;
        String id = required(position, node, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigException(position + ": key 'id': '" + id + "' must be lower-case letters, digits and '-' "
                    + "(at most 64), e.g. miit-policy");
        }
        String where = file + ": source '" + id + "'";
        checkKeys(where, node, SOURCE_KEYS);
        String name = required(where, node, "name");
        Region region = enumValue(where, "region", required(where, node, "region"), Region.class);
        String language = required(where, node, "language");
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new ConfigException(where + ": key 'language': '" + language + "' is not a language tag such as "
                    + "en, zh, zh-Hant, de, fr");
        }
        SourceKind kind = enumValue(where, "kind", required(where, node, "kind"), SourceKind.class);
        String urlText = required(where, node, "url");
        URI url;
        try {
            url = new URI(urlText);
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ": key 'url': '" + urlText + "' is not a valid URL: " + e.getReason());
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new ConfigException(where + ": key 'url': '" + urlText + "' must be an http:// or https:// URL with a host");
        }
        String scheduleText = required(where, node, "schedule");
        Schedule schedule = Schedule.parse(scheduleText).orElseThrow(() -> new ConfigException(where
                + ": key 'schedule': '" + scheduleText + "' is neither an interval (30s, 15m, 1h, 1d) nor a Quartz "
                + "cron expression (e.g. '0 0/30 * * * ?')"));
        Optional<String> charset = text(node, "charset");
        if (charset.isPresent()) {
            String cs = charset.get();
            try {
                if (!Charset.isSupported(cs)) {
                    throw new ConfigException(where + ": key 'charset': '" + cs + "' is not a charset this JVM knows; "
                            + "use e.g. UTF-8, GB18030, Big5, windows-1251");
                }
            } catch (IllegalCharsetNameException e) {
                throw new ConfigException(where + ": key 'charset': '" + cs + "' is not a valid charset name");
            }
        }
        boolean trackChanges = bool(where, node, "track_changes");
        boolean follow = bool(where, node, "follow");
        boolean auto = node.has("listing") && ListingKeys.isAuto(node.get("listing"));
        Optional<ListingSelectors> listing = node.has("listing") && !auto
                ? Optional.of(ListingKeys.selectors(where, node.get("listing"))) : Optional.empty();
        Optional<JsonListing> json = node.has("json") ? Optional.of(ListingKeys.json(where, node.get("json"))) : Optional.empty();
        if (kind == SourceKind.HTML && listing.isEmpty() && !auto) {
            throw new ConfigException(where + ": key 'listing': an html source needs CSS selectors, e.g. "
                    + "listing: { item: \"ul.list li\", link: \"a\", title: \"a\", date: \"span.date\" }, or listing: auto");
        }
        if (kind != SourceKind.HTML && (listing.isPresent() || auto)) {
            throw new ConfigException(where + ": key 'listing': only html sources have a listing; remove it or set kind: html");
        }
        if (kind == SourceKind.JSON && json.isEmpty()) {
            throw new ConfigException(where + ": key 'json': a json source needs JSONPaths, e.g. "
                    + "json: { items: \"$.datasource[*]\", title: title, link: publishUrl, date: publishTime }");
        }
        if (kind != SourceKind.JSON && json.isPresent()) {
            throw new ConfigException(where + ": key 'json': only json sources have JSONPaths; remove it or set kind: json");
        }
        if (follow && kind == SourceKind.FEED) {
            throw new ConfigException(where + ": key 'follow': only html and json listings follow their links; remove it");
        }
        RequestOptions request = ListingKeys.request(where, node);
        List<String> allowHosts = new ArrayList<>();
        if (node.has("allow_hosts")) {
            JsonNode a = node.get("allow_hosts");
            if (!a.isArray()) {
                throw new ConfigException(where + ": key 'allow_hosts' must be a list of host names");
            }
            a.forEach(h -> allowHosts.add(h.asText().toLowerCase(Locale.ROOT)));
        }
        return new SourceConfig(id, name, region, language, kind, url, schedule, charset, trackChanges, listing,
                follow, List.copyOf(allowHosts), text(node, "note").orElse(""), json, request);
    }

    private static void checkKeys(Path file, String prefix, ObjectNode node, Set<String> allowed) {
        checkKeys(file.toString() + (prefix.isEmpty() ? "" : ": " + prefix.substring(0, prefix.length() - 1)), node, allowed);
    }

    static void checkKeys(String where, ObjectNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(where + ": unknown key '" + key + "'; allowed keys are "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    static String required(String where, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new ConfigException(where + ": key '" + key + "' is missing or empty");
        }
        if (!v.isValueNode()) {
            throw new ConfigException(where + ": key '" + key + "' must be a single value, not a list or map");
        }
        return v.asText().trim();
    }

    private static boolean bool(String where, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new ConfigException(where + ": key '" + key + "': '" + v.asText() + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static <E extends Enum<E>> E enumValue(String where, String key, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(type == Region.class ? c.name() : c.name().toLowerCase(Locale.ROOT));
            }
            throw new ConfigException(where + ": key '" + key + "': '" + value + "' is not one of " + allowed);
        }
    }

    static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().trim());
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
