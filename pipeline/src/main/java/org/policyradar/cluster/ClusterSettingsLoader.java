package org.policyradar.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policyradar.config.ConfigException;
import org.policyradar.config.Schedule;

/**
 * Reads cluster mode's settings from the environment ({@code RADAR_CLUSTER_DB}, {@code RADAR_CLUSTER_DB_USER},
 * {@code RADAR_CLUSTER_DB_PASSWORD}, {@code RADAR_CLUSTER_DB_PASSWORD_FILE}, {@code RADAR_CLUSTER_CHECKIN}), which
 * wins, and the {@code cluster:} map of {@code radar.yaml} ({@code db_url}, {@code username}, {@code password_file},
 * {@code checkin_interval}). No URL: the single-machine default (empty).
 */
public final class ClusterSettingsLoader {
    private static final Set<String> KEYS = Set.of("db_url", "username", "password_file", "checkin_interval");

    private final Map<String, String> env;

    public ClusterSettingsLoader(Map<String, String> env) {
        this.env = env;
    }

    public Optional<ClusterSettings> load(Path configDir) {
        Path file = configDir.resolve("radar.yaml");
        JsonNode cluster = clusterNode(file);
        String url = firstOf("RADAR_CLUSTER_DB", cluster, "db_url");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String urlKey = env.containsKey("RADAR_CLUSTER_DB") ? "RADAR_CLUSTER_DB" : file + ": key 'cluster.db_url'";
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException(urlKey + ": '" + url + "' is not a PostgreSQL JDBC URL; expected "
                    + "jdbc:postgresql://HOST:PORT/DATABASE (radar pg status prints one), or unset it for the single-machine default");
        }
        Optional<String> user = Optional.ofNullable(firstOf("RADAR_CLUSTER_DB_USER", cluster, "username"));
        return Optional.of(new ClusterSettings(url, user, password(file, cluster), checkin(file, cluster)));
    }

    private Optional<String> password(Path file, JsonNode cluster) {
        String direct = env.get("RADAR_CLUSTER_DB_PASSWORD");
        if (direct != null && !direct.isEmpty()) {
            return Optional.of(direct);
        }
        String fromEnv = env.get("RADAR_CLUSTER_DB_PASSWORD_FILE");
        String where = fromEnv != null ? "RADAR_CLUSTER_DB_PASSWORD_FILE" : file + ": key 'cluster.password_file'";
        String name = fromEnv != null ? fromEnv : text(cluster, "password_file");
        if (name == null) {
            return Optional.empty();
        }
        Path path = fromEnv != null ? Path.of(name) : file.getParent().resolve(name);
        try {
            return Optional.of(Files.readString(path).strip());
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read the password file " + path + " (" + e.getMessage()
                    + "); point it at a readable file, e.g. the one 'radar pg status' names");
        }
    }

    private Duration checkin(Path file, JsonNode cluster) {
        String text = firstOf("RADAR_CLUSTER_CHECKIN", cluster, "checkin_interval");
        if (text == null) {
            return ClusterSettings.DEFAULT_CHECKIN;
        }
        String where = env.containsKey("RADAR_CLUSTER_CHECKIN") ? "RADAR_CLUSTER_CHECKIN" : file + ": key 'cluster.checkin_interval'";
        Duration d = Schedule.parse(text).flatMap(Schedule::interval).orElseThrow(() -> new ConfigException(where + ": '"
                + text + "' is not an interval; use e.g. 5s, 10s or 1m"));
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigException(where + ": '" + text + "' is outside 1s..10m; take-over waits about this long, use e.g. 10s");
        }
        return d;
    }

    private String firstOf(String envKey, JsonNode cluster, String yamlKey) {
        String v = env.get(envKey);
        return v != null ? v : text(cluster, yamlKey);
    }

    private static String text(JsonNode cluster, String key) {
        JsonNode v = cluster.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode clusterNode(Path file) {
        if (!Files.exists(file)) {
            return new ObjectMapper().createObjectNode();
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e); // ConfigLoader reports YAML errors first anyway
        }
        JsonNode cluster = root == null ? null : root.get("cluster");
        if (cluster == null || cluster.isNull()) {
            return new ObjectMapper().createObjectNode();
        }
        if (!cluster.isObject()) {
            throw new ConfigException(file + ": key 'cluster' must be a map with keys " + KEYS.stream().sorted().toList());
        }
        if (cluster.has("password")) {
            throw new ConfigException(file + ": key 'cluster.password': secrets are never read from radar.yaml; set "
                    + "RADAR_CLUSTER_DB_PASSWORD or cluster.password_file");
        }
        for (Iterator<String> it = cluster.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ConfigException(file + ": key 'cluster." + key + "' is unknown; allowed keys are "
                        + KEYS.stream().sorted().toList());
            }
        }
        return cluster;
    }
}
