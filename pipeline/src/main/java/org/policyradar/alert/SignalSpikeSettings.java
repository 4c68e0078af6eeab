package org.policyradar.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.yaml.YamlMap;

/**
 * The {@code signal_spike} key of alerts.yaml, validated like {@code spike}: the same window, baseline and threshold
 * keys (defaults {@link AlertsConfig.SignalSpike#DEFAULTS}), plus {@code enabled} and {@code signals}.
 */
final class SignalSpikeSettings {
    static final Set<String> KEYS = Set.of("enabled", "signals", "window", "baseline_days", "min_count", "min_sources",
            "threshold", "cooldown");

    private SignalSpikeSettings() {
    }

    static AlertsConfig.SignalSpike parse(YamlMap root) {
        AlertsConfig.SignalSpike defaults = AlertsConfig.SignalSpike.DEFAULTS;
        Optional<YamlMap> found = root.map("signal_spike", KEYS);
        if (found.isEmpty()) {
            return defaults;
        }
        YamlMap node = found.get();
        boolean enabled = node.bool("enabled", true);
        AlertsConfig.Spike settings = AlertsConfigLoader.spike(node, defaults.settings());
        List<String> signals = node.has("signals") ? signals(node) : defaults.signals();
        for (String id : signals) {
            if (!Taxonomy.ID.matches(id)) {
                throw node.problem("signals", "'" + id + "' is not a signal id; use taxonomy signal ids such as "
                        + String.join(", ", AlertsConfig.SignalSpike.DEFAULT_SIGNALS));
            }
        }
        if (node.has("signals") && signals.isEmpty()) {
            throw node.problem("signals", "is empty; list signal ids or set enabled: false");
        }
        return new AlertsConfig.SignalSpike(enabled, settings, signals);
    }

    private static List<String> signals(YamlMap node) {
        JsonNode list = node.get("signals");
        if (!list.isArray()) {
            throw node.problem("signals", "must be a list of signal ids, e.g. [self-reliance, funding]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            out.add(e.isTextual() ? e.asText().strip() : e.toString());
        }
        return out;
    }
}
