package org.policyradar.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.policyradar.config.ConfigException;

/**
 * The {@code signal_spike} key of alerts.yaml, validated like {@code spike}: the same window, baseline and threshold
 * keys (defaults {@link AlertsConfig.SignalSpike#DEFAULTS}), plus {@code enabled} and {@code signals}.
 */
final class SignalSpikeSettings {
    static final Set<String> KEYS = Set.of("enabled", "signals", "window", "baseline_days", "min_count", "min_sources",
            "threshold", "cooldown");
    private static final Pattern SIGNAL_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private SignalSpikeSettings() {
    }

    static AlertsConfig.SignalSpike parse(Path file, JsonNode node) {
        AlertsConfig.SignalSpike defaults = AlertsConfig.SignalSpike.DEFAULTS;
        if (node.isMissingNode() || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            throw new ConfigException(file + ": key 'signal_spike' must be a map with keys " + new TreeSet<>(KEYS));
        }
        AlertsConfigLoader.checkKeys(file + ":", "signal_spike.", (ObjectNode) node, KEYS);
        boolean enabled = !node.has("enabled") || AlertsConfigLoader.boolValue(file.toString(), "signal_spike.enabled", node.get("enabled"));
        AlertsConfig.Spike settings = AlertsConfigLoader.spike(file, "signal_spike.", node, defaults.settings());
        List<String> signals = node.has("signals") ? signals(file, node.get("signals")) : defaults.signals();
        for (String id : signals) {
            if (!SIGNAL_ID.matcher(id).matches()) {
                throw new ConfigException(file + ": key 'signal_spike.signals': '" + id + "' is not a signal id; use taxonomy "
                        + "signal ids such as " + String.join(", ", AlertsConfig.SignalSpike.DEFAULT_SIGNALS));
            }
        }
        if (node.has("signals") && signals.isEmpty()) {
            throw new ConfigException(file + ": key 'signal_spike.signals' is empty; list signal ids or set enabled: false");
        }
        return new AlertsConfig.SignalSpike(enabled, settings, signals);
    }

    private static List<String> signals(Path file, JsonNode list) {
        if (!list.isArray()) {
            throw new ConfigException(file + ": key 'signal_spike.signals' must be a list of signal ids, e.g. [self-reliance, funding]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            out.add(e.isTextual() ? e.asText().strip() : e.toString());
        }
        return out;
    }
}
