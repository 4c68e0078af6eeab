package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.change.IgnoreRules;
import org.policyradar.config.ConfigException;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;

/** Signal spikes per topic against the real Elasticsearch, and their alerts.yaml key. */
class SignalSpikeTest {
    private static ElasticsearchConnection es;
    private static ItemIndexer indexer;

    @BeforeAll
    static void connect() {
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
        new AlertEngine(es.client(), AlertsConfig.empty()).ensureIndices();
        indexer = new ItemIndexer(es.client(), "radar-items");
    }

    @AfterAll
    static void close() {
        es.close();
    }

    private static Item item(String topic, List<String> signals, String source, Instant published) {
        String url = "https://signals.example/" + UUID.randomUUID();
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(CanonicalUrl.canonicalize(url))
                .title("item " + topic).published(published).fetched(published).lang("zh")
                .source(new SourceRef(source, source, "CN")).topics(List.of(topic)).scores(Map.of())
                .evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(signals).build();
    }

    private static AlertsConfig config(AlertsConfig.SignalSpike signalSpike) {
        return new AlertsConfig(Optional.empty(), List.of(), List.of(), AlertsConfig.Spike.DEFAULTS, Map.of(), IgnoreRules.NONE,
                Optional.empty(), signalSpike);
    }

    private static List<Alert> about(List<Alert> alerts, String topic) {
        return alerts.stream().filter(a -> topic.equals(a.topic())).toList();
    }

    /**
     * A topic with a steady 8 items a day, one of them funding: on the spike day the topic has 16 items (z 2.3, no
     * topic spike) but 8 of them are funding (z 7 against a baseline of 1): a signal spike, once.
     */
    @Test
    void aSignalSpikingWithinATopicRaisesItsOwnAlertOnceWhileTheTopicDoesNotSpike() throws Exception {
        String topic = "sig-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-10-20T12:00:00Z");
        List<Item> items = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            for (int i = 0; i < 8; i++) {
                Instant t = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(1 + i));
                items.add(item(topic, i == 0 ? List.of("funding", "money") : List.of("money"), "src-" + (i % 3), t));
            }
        }
        for (int i = 0; i < 8; i++) {
            Instant t = now.minus(Duration.ofMinutes(30 + i));
            items.add(item(topic, List.of("money"), "src-" + (i % 3), t));
            items.add(item(topic, List.of("funding"), "src-" + (i % 3), t.minusSeconds(5)));
        }
        assertThat(indexer.index(items).failures()).isEmpty();
        indexer.refresh();
        AlertsConfig config = config(new AlertsConfig.SignalSpike(true,
                new AlertsConfig.Spike(Duration.ofDays(1), 28, 5, 2, 3.0, Duration.ofHours(24)), List.of("funding", "money")));
        AlertEngine engine = new AlertEngine(es.client(), config);

        List<Alert> raised = about(engine.evaluate(now).raised(), topic);
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.SIGNAL_SPIKE);
            assertThat(a.dedupKey()).isEqualTo("signal-spike:funding/" + topic + ":2026-10-20");
            assertThat(a.title()).contains("signal 'funding' in topic '" + topic + "'", "8 items");
            assertThat(a.observed()).isEqualTo(8.0);
            assertThat(a.expected()).isEqualTo(1.0);
            assertThat(a.items()).hasSize(8);
        });
        // 'money' is in every item: its window (16) against a baseline of 8 is no spike; the topic neither
        assertThat(engine.store().spikeRaisedSince(topic, now.minus(Duration.ofDays(1)))).isFalse();

        // the same evaluation again, and an hour later (cooldown, a new key would be the same day anyway): nothing new
        assertThat(about(engine.evaluate(now).raised(), topic)).isEmpty();
        assertThat(about(engine.evaluate(now.plus(Duration.ofHours(13))).raised(), topic)).isEmpty();
        assertThat(engine.store().raisedSince(AlertType.SIGNAL_SPIKE, "funding/" + topic, now.minus(Duration.ofHours(1)))).isTrue();

        // switched off: nothing, even on a fresh store key
        AlertEngine off = new AlertEngine(es.client(), config(new AlertsConfig.SignalSpike(false, config.signalSpike().settings(),
                List.of("funding"))));
        assertThat(about(off.evaluate(now.plus(Duration.ofDays(2))).raised(), topic)).isEmpty();
    }

    @Test
    void theAlertsYamlKeyLoadsWithDefaultsAndIsValidated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, "signal_spike: {min_count: 4, cooldown: 48h, signals: [self-reliance, funding]}\n");
        AlertsConfig c = new AlertsConfigLoader(Map.of()).load(f);
        assertThat(c.signalSpike().enabled()).isTrue();
        assertThat(c.signalSpike().signals()).containsExactly("self-reliance", "funding");
        assertThat(c.signalSpike().settings().minCount()).isEqualTo(4);
        assertThat(c.signalSpike().settings().cooldown()).isEqualTo(Duration.ofHours(48));
        assertThat(c.signalSpike().settings().baselineDays()).isEqualTo(28);
        assertThat(new AlertsConfigLoader(Map.of()).loadFromDirectory(dir.resolve("none")).signalSpike())
                .isEqualTo(AlertsConfig.SignalSpike.DEFAULTS);

        for (var bad : Map.of(
                "signal_spike: {windows: 1d}\n", "key 'signal_spike.windows' is unknown",
                "signal_spike: {enabled: yes please}\n", "key 'signal_spike.enabled': 'yes please' must be true or false",
                "signal_spike: {signals: [Self Reliance]}\n", "key 'signal_spike.signals': 'Self Reliance' is not a signal id",
                "signal_spike: {threshold: -1}\n", "key 'signal_spike.threshold'",
                "signal_spike: 3\n", "key 'signal_spike' must be a map").entrySet()) {
            Files.writeString(f, bad.getKey());
            assertThatThrownBy(() -> new AlertsConfigLoader(Map.of()).load(f)).as(bad.getKey()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(f.toString()).hasMessageContaining(bad.getValue());
        }
    }
}
