package org.policyradar.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.policyradar.change.IgnoreRules;
import org.policyradar.config.ConfigException;
import org.policyradar.config.SourceConfig;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.yaml.IdRule;
import org.policyradar.yaml.YamlFiles;
import org.policyradar.yaml.YamlMap;

/**
 * Reads and validates {@code alerts.yaml}. The file is optional. Every problem is a {@link ConfigException} naming
 * the file, the entry, the key and the fix. Channels are read by {@link ChannelKeys}, change rules and the digest by
 * {@link DigestKeys}, {@code signal_spike} by {@link SignalSpikeSettings}; what the file says about sources and
 * taxonomy ids is checked against them by {@link AlertsCrossCheck}.
 */
public final class AlertsConfigLoader {
    public static final String FILE = "alerts.yaml";

    /** Channel and watch ids. */
    static final IdRule ID = IdRule.of("[a-z0-9][a-z0-9_-]{0,63}", "lower-case letters, digits, '-' and '_'", "team-slack");
    private static final Set<String> ROOT_KEYS = Set.of("kibana_url", "channels", "watches", "spike", "changes", "digest",
            "signal_spike");
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
        YamlMap root = YamlMap.entry(file.toString(), rootNode, ConfigException::new,
                "must be a map with keys " + new TreeSet<>(ROOT_KEYS)).checkKeys(ROOT_KEYS);
        Optional<String> kibana = root.text("kibana_url");
        kibana.ifPresent(u -> root.httpUrl("kibana_url", u, "http://localhost:5601"));
        List<AlertsConfig.Channel> channels = new ChannelKeys(env).channels(root);
        List<AlertsConfig.Watch> watches = watches(root);
        AlertsConfig.Spike spike = AlertsConfig.Spike.DEFAULTS;
        Map<String, AlertsConfig.Spike> overrides = new LinkedHashMap<>();
        Optional<YamlMap> spikeNode = root.map("spike", SPIKE_KEYS);
        if (spikeNode.isPresent()) {
            spike = spike(spikeNode.get(), AlertsConfig.Spike.DEFAULTS);
            Optional<YamlMap> topics = spikeNode.get().map("topics", "must be a map of topic id to settings, "
                    + "e.g. 'ai: {threshold: 4.0}'");
            Set<String> allowed = new HashSet<>(SPIKE_KEYS);
            allowed.remove("topics");
            for (String topic : topics.map(YamlMap::keys).orElse(List.of())) {
                YamlMap settings = topics.get().map(topic, "must be a map of settings such as threshold, min_count")
                        .orElseThrow(() -> topics.get().problem(topic, "must be a map of settings such as threshold, min_count"))
                        .checkKeys(allowed);
                overrides.put(topic, spike(settings, spike));
            }
        }
        IgnoreRules changes = DigestKeys.changes(root);
        Optional<AlertsConfig.Digest> digest = DigestKeys.digest(root, channels);
        AlertsConfig.SignalSpike signalSpike = SignalSpikeSettings.parse(root);
        return new AlertsConfig(kibana, channels, watches, spike, overrides, changes, digest, signalSpike);
    }

    /**
     * Checks what alerts.yaml says about sources against sources.yaml: every source under {@code changes.sources}
     * must exist and track changes.
     */
    public static void checkSources(AlertsConfig config, Path configDir, Collection<SourceConfig> sources) {
        AlertsCrossCheck.sources(config, configDir.resolve(FILE), sources);
    }

    /**
     * Checks the taxonomy ids alerts.yaml names against the taxonomy: {@code spike.topics}, the watches' topics and
     * {@code signal_spike.signals}.
     */
    public static void checkTaxonomy(AlertsConfig config, Path configDir, Taxonomy taxonomy) {
        AlertsCrossCheck.taxonomy(config, configDir.resolve(FILE), taxonomy);
    }

    private static List<AlertsConfig.Watch> watches(YamlMap root) {
        List<AlertsConfig.Watch> out = new ArrayList<>();
        for (YamlMap.Entry e : root.idEntries("watches", "watch", ID.withExample("huawei-chips"),
                "must be a list of watches with id and query",
                "must be a map with keys id, query and optional topics, regions, sources")) {
            YamlMap node = e.map().checkKeys(WATCH_KEYS);
            out.add(new AlertsConfig.Watch(e.id(), node.required("query"), node.strings("topics"), node.strings("regions"),
                    node.strings("sources")));
        }
        return out;
    }

    /** The spike settings of {@code node} ({@code spike}, {@code spike.topics.ID}, {@code signal_spike}) over {@code base}. */
    static AlertsConfig.Spike spike(YamlMap node, AlertsConfig.Spike base) {
        Duration window = node.duration("window", base.window(), Duration.ofMinutes(1), Duration.ofDays(7),
                "from 1m to 7d, e.g. 1d");
        int days = node.wholeNumber("baseline_days", 7, 365, base.baselineDays());
        int minCount = node.wholeNumber("min_count", 1, 1_000_000, base.minCount());
        int minSources = node.wholeNumber("min_sources", 1, 1000, base.minSources());
        double threshold = base.threshold();
        if (node.has("threshold")) {
            JsonNode t = node.get("threshold");
            if (!t.isNumber() || t.asDouble() <= 0 || t.asDouble() > 100) {
                throw node.problem("threshold", "'" + t.asText() + "' must be a number above 0 (a robust z-score, e.g. 3.0)");
            }
            threshold = t.asDouble();
        }
        Duration cooldown = node.duration("cooldown", "duration", "30m, 24h or 1d").orElse(base.cooldown());
        return new AlertsConfig.Spike(window, days, minCount, minSources, threshold, cooldown);
    }
}
