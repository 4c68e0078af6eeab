package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ConfigException;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyLoader;

/** Ids alerts.yaml names are checked against the taxonomy at start-up, naming the file, the key, the id and the known ids. */
class AlertsCrossCheckTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();

    @TempDir
    Path dir;

    private AlertsConfig load(String yaml) throws Exception {
        Files.writeString(dir.resolve("alerts.yaml"), yaml);
        return new AlertsConfigLoader(Map.of()).loadFromDirectory(dir);
    }

    @Test
    void theShippedAlertsFileNamesOnlyTaxonomyIds() {
        Path shipped = Path.of("../config");
        AlertsConfig c = new AlertsConfigLoader(Map.of()).loadFromDirectory(shipped);
        assertThatCode(() -> AlertsConfigLoader.checkTaxonomy(c, shipped, TAXONOMY)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownSpikeTopicWatchTopicOrSignalIsRefused() throws Exception {
        AlertsConfig spike = load("spike: {topics: {artificial-intelligence: {min_count: 10}}}\n");
        assertThatThrownBy(() -> AlertsConfigLoader.checkTaxonomy(spike, dir, TAXONOMY)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("alerts.yaml") + ": key 'spike.topics.artificial-intelligence': "
                        + "'artificial-intelligence' is not a topic of the taxonomy")
                .hasMessageContaining("known topics: [5g, ai, ai-chips,").hasMessageContaining("fix: use one of them");

        AlertsConfig watch = load("watches:\n  - {id: chips, query: chip, topics: [semiconductors, semiconductor]}\n");
        assertThatThrownBy(() -> AlertsConfigLoader.checkTaxonomy(watch, dir, TAXONOMY))
                .hasMessageContaining("alerts.yaml: watch 'chips': key 'topics': 'semiconductor' is not a topic")
                .hasMessageContaining("semiconductors, social-credit, standardisation]");

        AlertsConfig signal = load("signal_spike: {signals: [funding, self-reliant]}\n");
        assertThatThrownBy(() -> AlertsConfigLoader.checkTaxonomy(signal, dir, TAXONOMY))
                .hasMessageContaining("alerts.yaml: key 'signal_spike.signals': 'self-reliant' is not a signal of the taxonomy")
                .hasMessageContaining("known signals: [ban-backlash, foreign-dependency, funding, money, percent,");

        AlertsConfig numericAndOff = load("signal_spike: {signals: [money, year]}\nspike: {topics: {quantum: {min_count: 2}}}\n");
        assertThatCode(() -> AlertsConfigLoader.checkTaxonomy(numericAndOff, dir, TAXONOMY)).doesNotThrowAnyException();
        AlertsConfig disabled = load("signal_spike: {enabled: false, signals: [whatever]}\n");
        assertThatCode(() -> AlertsConfigLoader.checkTaxonomy(disabled, dir, TAXONOMY)).doesNotThrowAnyException();
    }
}
