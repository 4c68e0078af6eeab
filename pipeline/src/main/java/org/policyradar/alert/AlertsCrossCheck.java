package org.policyradar.alert;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.policyradar.config.ConfigException;
import org.policyradar.config.SourceConfig;
import org.policyradar.taxonomy.SignalType;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.Topic;

/**
 * What alerts.yaml names in other files, checked at start-up: sources under {@code changes.sources} against
 * sources.yaml; topic and signal ids against the taxonomy. An unknown id would otherwise never match and the alert
 * it configures would silently never fire.
 */
final class AlertsCrossCheck {
    /** Signal kinds the classifier adds besides the taxonomy's signals (its numeric mentions). */
    private static final List<String> NUMERIC_SIGNALS = List.of("money", "percent", "year");

    private AlertsCrossCheck() {
    }

    static void sources(AlertsConfig config, Path file, Collection<SourceConfig> sources) {
        Map<String, SourceConfig> byId = new LinkedHashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        for (String id : new TreeSet<>(config.changes().bySource().keySet())) {
            SourceConfig s = byId.get(id);
            String where = file + ": key 'changes.sources." + id + "'";
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

    static void taxonomy(AlertsConfig config, Path file, Taxonomy taxonomy) {
        Set<String> topics = new TreeSet<>(taxonomy.topics().stream().map(Topic::id).toList());
        for (String topic : new TreeSet<>(config.spikeOverrides().keySet())) {
            known(topics, topic, file + ": key 'spike.topics." + topic + "'", "topic", taxonomy);
        }
        for (AlertsConfig.Watch w : config.watches()) {
            for (String topic : w.topics()) {
                known(topics, topic, file + ": watch '" + w.id() + "': key 'topics'", "topic", taxonomy);
            }
        }
        if (config.signalSpike().enabled()) {
            Set<String> signals = new TreeSet<>(taxonomy.signals().stream().map(SignalType::id).toList());
            signals.addAll(NUMERIC_SIGNALS);
            for (String signal : config.signalSpike().signals()) {
                known(signals, signal, file + ": key 'signal_spike.signals'", "signal", taxonomy);
            }
        }
    }

    private static void known(Set<String> ids, String id, String where, String kind, Taxonomy taxonomy) {
        if (!ids.contains(id)) {
            throw new ConfigException(where + ": '" + id + "' is not a " + kind + " of the taxonomy (" + taxonomy.source()
                    + "); known " + kind + "s: " + ids + "; fix: use one of them or remove the entry");
        }
    }
}
