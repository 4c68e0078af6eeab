package org.policyradar.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.policyradar.change.IgnoreRules;
import org.policyradar.config.ConfigException;
import org.policyradar.config.SourceConfig;
import org.policyradar.yaml.DurationText;
import org.policyradar.yaml.YamlFiles;

/**
 * Reads and validates {@code alerts.yaml}. The file is optional. Every problem is a {@link ConfigException} naming
 * the file, the entry, the key and the fix.
 */
public final class AlertsConfigLoader {
    public static final String FILE = "alerts.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> ROOT_KEYS = Set.of("kibana_url", "channels", "watches", "spike", "changes", "digest",
            "signal_spike");
    private static final Set<String> CHANGES_KEYS = Set.of("ignore", "sources");
    private static final Set<String> DIGEST_KEYS = Set.of("every", "at", "zone", "recipients", "top_items");
    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Set<String> WEBHOOK_KEYS = Set.of("id", "type", "url");
    private static final Set<String> EMAIL_KEYS = Set.of("id", "type", "smtp", "from", "to");
    private static final Set<String> SMTP_KEYS = Set.of("host", "port", "starttls", "username", "password_env");
    private static final Set<String> WATCH_KEYS = Set.of("id", "query", "topics", "regions", "sources");
    private static final Set<String> SPIKE_KEYS = Set.of("window", "baseline_days", "min_count", "min_sources",
            "threshold", "cooldown", "topics");

    private final YamlFiles yaml = new YamlFiles(ConfigException::new);
    private final Map<String, String> env;

    public AlertsConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** {@code alerts.yaml} in a configuration directory; {@link AlertsConfig#empty()} when there is none. */
    public AlertsConfig loadFromDirectory(Path configDir) {
        Path file = configDir.resolve(FILE);
        return Files.exists(file) ? load(file) : AlertsConfig.empty();
    }

    public AlertsConfig load(Path file) {
        JsonNode rootNode = yaml.readTree(file);
        if (rootNode == null || rootNode.isMissingNode() || rootNode.isNull()) {
            return AlertsConfig.empty();
        }
        if (!rootNode.isObject()) {
            throw new ConfigException(file + ": must be a map with keys " + new TreeSet<>(ROOT_KEYS));
        }
        ObjectNode root = (ObjectNode) rootNode;
        checkKeys(file + ":", "", root, ROOT_KEYS);
        Optional<String> kibana = text(root, "kibana_url");
        kibana.ifPresent(u -> httpUrl(file + ": key 'kibana_url'", u));
        List<AlertsConfig.Channel> channels = channels(file, root.path("channels"));
        List<AlertsConfig.Watch> watches = watches(file, root.path("watches"));
        AlertsConfig.Spike spike = AlertsConfig.Spike.DEFAULTS;
        Map<String, AlertsConfig.Spike> overrides = new LinkedHashMap<>();
        JsonNode spikeNode = root.path("spike");
        if (!spikeNode.isMissingNode() && !spikeNode.isNull()) {
            if (!spikeNode.isObject()) {
                throw new ConfigException(file + ": key 'spike' must be a map with keys " + new TreeSet<>(SPIKE_KEYS));
            }
            checkKeys(file + ":", "spike.", (ObjectNode) spikeNode, SPIKE_KEYS);
            spike = spike(file, "spike.", spikeNode, AlertsConfig.Spike.DEFAULTS);
            JsonNode topics = spikeNode.path("topics");
            if (!topics.isMissingNode() && !topics.isNull()) {
                if (!topics.isObject()) {
                    throw new ConfigException(file + ": key 'spike.topics' must be a map of topic id to settings, "
                            + "e.g. 'ai: {threshold: 4.0}'");
                }
                for (Map.Entry<String, JsonNode> e : topics.properties()) {
                    String prefix = "spike.topics." + e.getKey() + ".";
                    if (!e.getValue().isObject()) {
                        throw new ConfigException(file + ": key '" + prefix.substring(0, prefix.length() - 1)
                                + "' must be a map of settings such as threshold, min_count");
                    }
                    Set<String> allowed = new HashSet<>(SPIKE_KEYS);
                    allowed.remove("topics");
                    checkKeys(file + ":", prefix, (ObjectNode) e.getValue(), allowed);
                    overrides.put(e.getKey(), spike(file, prefix, e.getValue(), spike));
                }
            }
        }
        IgnoreRules changes = changes(file, root.path("changes"));
        Optional<AlertsConfig.Digest> digest = digest(file, root.path("digest"), channels);
        AlertsConfig.SignalSpike signalSpike = SignalSpikeSettings.parse(file, root.path("signal_spike"));
        return new AlertsConfig(kibana, channels, watches, spike, overrides, changes, digest, signalSpike);
    }

    /**
     * Checks what alerts.yaml says about sources against sources.yaml: every source under {@code changes.sources}
     * must exist and track changes.
     */
    public static void checkSources(AlertsConfig config, Path configDir, Collection<SourceConfig> sources) {
        Map<String, SourceConfig> byId = new LinkedHashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        for (String id : new TreeSet<>(config.changes().bySource().keySet())) {
            SourceConfig s = byId.get(id);
            String where = configDir.resolve(FILE) + ": key 'changes.sources." + id + "'";
            if (s == null) {
                throw new ConfigException(where + ": there is no source '" + id + "' in sources.yaml; use the id of a source "
                        + "with track_changes: true");
            }
            if (!s.trackChanges()) {
                throw new ConfigException(where + ": source '" + id + "' does not track changes; set track_changes: true on it "
                        + "in sources.yaml or remove this entry");
            }
        }
    }

    private static IgnoreRules changes(Path file, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return IgnoreRules.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException(file + ": key 'changes' must be a map with keys " + new TreeSet<>(CHANGES_KEYS));
        }
        checkKeys(file + ":", "changes.", (ObjectNode) node, CHANGES_KEYS);
        List<Pattern> all = regexes(file, "changes.ignore", node.path("ignore"));
        Map<String, List<Pattern>> bySource = new LinkedHashMap<>();
        JsonNode sources = node.path("sources");
        if (!sources.isMissingNode() && !sources.isNull()) {
            if (!sources.isObject()) {
                throw new ConfigException(file + ": key 'changes.sources' must be a map of source id to {ignore: [regex, ...]}");
            }
            for (Map.Entry<String, JsonNode> e : sources.properties()) {
                String prefix = "changes.sources." + e.getKey();
                if (!e.getValue().isObject()) {
                    throw new ConfigException(file + ": key '" + prefix + "' must be a map with key 'ignore' (a list of regexes)");
                }
                checkKeys(file + ":", prefix + ".", (ObjectNode) e.getValue(), Set.of("ignore"));
                bySource.put(e.getKey(), regexes(file, prefix + ".ignore", e.getValue().path("ignore")));
            }
        }
        return new IgnoreRules(all, bySource);
    }

    private static List<Pattern> regexes(Path file, String key, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(file + ": key '" + key + "' must be a list of regular expressions, e.g. ['Visits: \\d+']");
        }
        List<Pattern> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : list) {
            i++;
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new ConfigException(file + ": key '" + key + "' entry #" + i + " must be a non-empty string (a regular expression)");
            }
            try {
                out.add(Pattern.compile(e.asText()));
            } catch (PatternSyntaxException x) {
                throw new ConfigException(file + ": key '" + key + "' entry #" + i + ": '" + e.asText() + "' is not a valid regular "
                        + "expression (" + x.getDescription() + " near index " + x.getIndex() + "); fix it, quoting it in single quotes");
            }
        }
        return out;
    }

    private static Optional<AlertsConfig.Digest> digest(Path file, JsonNode node, List<AlertsConfig.Channel> channels) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String where = file.toString();
        if (!node.isObject()) {
            throw new ConfigException(where + ": key 'digest' must be a map with 'every' (e.g. 24h) or 'at' (e.g. \"07:00\") "
                    + "and optional zone, recipients, top_items");
        }
        checkKeys(where + ":", "digest.", (ObjectNode) node, DIGEST_KEYS);
        if (node.has("every") == node.has("at")) {
            throw new ConfigException(where + ": key 'digest': give exactly one of 'every' (e.g. 24h) or 'at' (e.g. \"07:00\")");
        }
        Optional<Duration> every = Optional.empty();
        Optional<LocalTime> at = Optional.empty();
        if (node.has("every")) {
            Duration d = duration(where, "digest.every", node.get("every"));
            if (d.toMinutes() < 1 || d.toDays() > 7) {
                throw new ConfigException(where + ": key 'digest.every': must be from 1m to 7d, e.g. 24h");
            }
            every = Optional.of(d);
        } else {
            Matcher m = CLOCK.matcher(node.get("at").asText().trim());
            if (!node.get("at").isTextual() || !m.matches()) {
                throw new ConfigException(where + ": key 'digest.at': '" + node.get("at").asText() + "' is not a time of day; "
                        + "use HH:MM in quotes, e.g. \"07:00\"");
            }
            at = Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        ZoneId zone = ZoneOffset.UTC;
        if (node.has("zone")) {
            if (every.isPresent()) {
                throw new ConfigException(where + ": key 'digest.zone' applies only with 'at'; remove it or use at: \"07:00\"");
            }
            try {
                zone = ZoneId.of(node.get("zone").asText());
            } catch (DateTimeException e) {
                throw new ConfigException(where + ": key 'digest.zone': '" + node.get("zone").asText() + "' is not a time zone; "
                        + "use a region id such as Europe/Berlin or Asia/Shanghai");
            }
        }
        List<String> recipients = strings(where, node, "recipients");
        Set<String> known = new TreeSet<>();
        channels.forEach(c -> known.add(c.id()));
        for (String r : recipients) {
            if (!known.contains(r)) {
                throw new ConfigException(where + ": key 'digest.recipients': '" + r + "' is not a channel id; use one of "
                        + known + " or leave the key out for every channel");
            }
        }
        int top = node.has("top_items") ? intValue(where, "digest.top_items", node.get("top_items"), 1, 50) : 10;
        return Optional.of(new AlertsConfig.Digest(every, at, zone, recipients, top));
    }

    private List<AlertsConfig.Channel> channels(Path file, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(file + ": key 'channels' must be a list of channels (type webhook or email)");
        }
        List<AlertsConfig.Channel> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String position = file + ": channels #" + index;
            if (!node.isObject()) {
                throw new ConfigException(position + ": must be a map with keys id, type and url (webhook) or smtp, from, to (email)");
            }
            String id = required(position, node, "id");
            if (!ID.matcher(id).matches()) {
                throw new ConfigException(position + ": key 'id': '" + id + "' must be lower-case letters, digits, '-' and '_', e.g. team-slack");
            }
            String where = file + ": channel '" + id + "'";
            if (!ids.add(id)) {
                throw new ConfigException(where + ": key 'id': duplicate id; give every channel its own id");
            }
            String type = required(where, node, "type");
            switch (type) {
                case "webhook" -> {
                    checkKeys(where + ":", "", (ObjectNode) node, WEBHOOK_KEYS);
                    String url = required(where, node, "url");
                    httpUrl(where + ": key 'url'", url);
                    out.add(new AlertsConfig.Webhook(id, url));
                }
                case "email" -> {
                    checkKeys(where + ":", "", (ObjectNode) node, EMAIL_KEYS);
                    JsonNode smtp = node.path("smtp");
                    if (!smtp.isObject()) {
                        throw new ConfigException(where + ": key 'smtp' is required: a map with host, port, starttls, "
                                + "username, password_env");
                    }
                    checkKeys(where + ":", "smtp.", (ObjectNode) smtp, SMTP_KEYS);
                    if (smtp.has("password")) {
                        throw new ConfigException(where + ": key 'smtp.password': secrets are never read from alerts.yaml; "
                                + "name an environment variable in smtp.password_env");
                    }
                    String host = required(where, smtp, "host", "smtp.");
                    int port = smtp.has("port") ? intValue(where, "smtp.port", smtp.get("port"), 1, 65535) : 587;
                    boolean starttls = smtp.has("starttls") ? boolValue(where, "smtp.starttls", smtp.get("starttls")) : true;
                    Optional<String> user = text(smtp, "username");
                    Optional<String> passwordEnv = text(smtp, "password_env");
                    Optional<String> password = passwordEnv.map(name -> {
                        String value = env.get(name);
                        if (value == null || value.isEmpty()) {
                            throw new ConfigException(where + ": key 'smtp.password_env': environment variable " + name
                                    + " is not set; export it with the SMTP password or remove the key");
                        }
                        return value;
                    });
                    if (user.isPresent() != password.isPresent()) {
                        throw new ConfigException(where + ": key 'smtp.username': SMTP authentication needs both "
                                + "smtp.username and smtp.password_env");
                    }
                    String from = required(where, node, "from");
                    mailbox(where + ": key 'from'", from);
                    List<String> to = strings(where, node, "to");
                    if (to.isEmpty()) {
                        throw new ConfigException(where + ": key 'to' is required: a list of recipient addresses");
                    }
                    to.forEach(a -> mailbox(where + ": key 'to'", a));
                    out.add(new AlertsConfig.Email(id, host, port, starttls, user, password, from, to));
                }
                default -> throw new ConfigException(where + ": key 'type': '" + type + "' is not a channel type; use webhook or email");
            }
        }
        return out;
    }

    private List<AlertsConfig.Watch> watches(Path file, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(file + ": key 'watches' must be a list of watches with id and query");
        }
        List<AlertsConfig.Watch> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String position = file + ": watches #" + index;
            if (!node.isObject()) {
                throw new ConfigException(position + ": must be a map with keys id, query and optional topics, regions, sources");
            }
            String id = required(position, node, "id");
            if (!ID.matcher(id).matches()) {
                throw new ConfigException(position + ": key 'id': '" + id + "' must be lower-case letters, digits, '-' and '_', e.g. huawei-chips");
            }
            String where = file + ": watch '" + id + "'";
            if (!ids.add(id)) {
                throw new ConfigException(where + ": key 'id': duplicate id; give every watch its own id");
            }
            checkKeys(where + ":", "", (ObjectNode) node, WATCH_KEYS);
            String query = required(where, node, "query");
            out.add(new AlertsConfig.Watch(id, query, strings(where, node, "topics"), strings(where, node, "regions"),
                    strings(where, node, "sources")));
        }
        return out;
    }

    static AlertsConfig.Spike spike(Path file, String prefix, JsonNode node, AlertsConfig.Spike base) {
        String where = file.toString();
        Duration window = node.has("window") ? duration(where, prefix + "window", node.get("window")) : base.window();
        if (window.toMinutes() < 1 || window.toDays() > 7) {
            throw new ConfigException(where + ": key '" + prefix + "window': must be from 1m to 7d, e.g. 1d");
        }
        int days = node.has("baseline_days") ? intValue(where, prefix + "baseline_days", node.get("baseline_days"), 7, 365) : base.baselineDays();
        int minCount = node.has("min_count") ? intValue(where, prefix + "min_count", node.get("min_count"), 1, 1_000_000) : base.minCount();
        int minSources = node.has("min_sources") ? intValue(where, prefix + "min_sources", node.get("min_sources"), 1, 1000) : base.minSources();
        double threshold = base.threshold();
        if (node.has("threshold")) {
            JsonNode t = node.get("threshold");
            if (!t.isNumber() || t.asDouble() <= 0 || t.asDouble() > 100) {
                throw new ConfigException(where + ": key '" + prefix + "threshold': '" + t.asText()
                        + "' must be a number above 0 (a robust z-score, e.g. 3.0)");
            }
            threshold = t.asDouble();
        }
        Duration cooldown = node.has("cooldown") ? duration(where, prefix + "cooldown", node.get("cooldown")) : base.cooldown();
        return new AlertsConfig.Spike(window, days, minCount, minSources, threshold, cooldown);
    }

    private static Duration duration(String where, String key, JsonNode value) {
        return DurationText.parse(value.isTextual() ? value.asText() : null).orElseThrow(() -> new ConfigException(where
                + ": key '" + key + "': '" + value.asText() + "' is not a duration; use e.g. 30m, 24h or 1d"));
    }

    private static int intValue(String where, String key, JsonNode value, int min, int max) {
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new ConfigException(where + ": key '" + key + "': '" + value.asText() + "' must be a whole number from "
                    + min + " to " + max);
        }
        return value.asInt();
    }

    static boolean boolValue(String where, String key, JsonNode value) {
        if (!value.isBoolean()) {
            throw new ConfigException(where + ": key '" + key + "': '" + value.asText() + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static void httpUrl(String where, String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ": '" + url + "' is not a valid http(s) URL (" + e.getReason()
                    + "); use e.g. https://hooks.example.org/T000/B000");
        }
    }

    private static void mailbox(String where, String address) {
        if (!address.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            throw new ConfigException(where + ": '" + address + "' is not an e-mail address such as radar@example.org");
        }
    }

    private static List<String> strings(String where, JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new ConfigException(where + ": key '" + key + "' must be a list of strings, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new ConfigException(where + ": key '" + key + "': every entry must be a non-empty string");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static String required(String where, JsonNode node, String key) {
        return required(where, node, key, "");
    }

    private static String required(String where, JsonNode node, String key, String prefix) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigException(where + ": key '" + prefix + key + "' is required and must be a non-empty string");
        }
        return v.asText().strip();
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().strip());
    }

    static void checkKeys(String where, String prefix, ObjectNode node, Set<String> allowed) {
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(key)) {
                throw new ConfigException(where + " key '" + prefix + key + "' is unknown; allowed keys: " + new TreeSet<>(allowed));
            }
        }
    }
}
