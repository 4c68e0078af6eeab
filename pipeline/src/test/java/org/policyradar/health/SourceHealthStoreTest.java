package org.policyradar.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.route.PollOutcome;
import org.policyradar.testing.TestElasticsearch;

/**
 * Recording a poll must not wait for a refresh: it runs on the poll's own thread, and with {@code refresh=wait_for}
 * every poll was held up to a refresh interval (a re-poll of 50 unchanged feeds took 25 s instead of 2 s). With
 * refreshes switched off, as a busy node may delay them, recording still returns at once and the listing sees it.
 */
class SourceHealthStoreTest {

    @Test
    void recordingAPollDoesNotWaitForARefreshAndTheListingStillSeesIt() throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            new IndexSetup(es.client()).ensure(List.of(SourceHealthStore.INDEX));
            String id = "health-norefresh-" + Long.toString(System.nanoTime(), 36);
            SourceConfig source = new SourceConfig(id, "No refresh", Region.EU, "en", SourceKind.FEED, URI.create("https://wire.example/rss"),
                    Schedule.parse("1h").orElseThrow(), Optional.empty(), false, Optional.empty(), false, List.of(), "");
            Instant t = Instant.parse("2026-11-29T06:00:00Z");
            SourceHealthStore store = new SourceHealthStore(es.client(), Map.of(id, source), Clock.fixed(t, ZoneOffset.UTC));
            es.client().indices().putSettings(p -> p.index(SourceHealthStore.INDEX.alias()).settings(s -> s.refreshInterval(r -> r.time("-1"))));
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    for (int i = 0; i < 3; i++) {
                        store.record(new PollOutcome(id, t, t.plusSeconds(1), 200, 5, 5 - 2 * i, 0, 2 * i, 0, 0, null, List.of()));
                    }
                });
                assertThat(store.all()).filteredOn(h -> h.source().id().equals(id)).singleElement()
                        .satisfies(h -> assertThat(h.polls()).isEqualTo(3));
            } finally {
                es.client().indices().putSettings(p -> p.index(SourceHealthStore.INDEX.alias()).settings(s -> s.refreshInterval(r -> r.time("1s"))));
                es.client().delete(d -> d.index(SourceHealthStore.INDEX.alias()).id(id));
            }
        }
    }
}
