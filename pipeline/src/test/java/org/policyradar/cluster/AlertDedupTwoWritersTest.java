package org.policyradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.policyradar.alert.Alert;
import org.policyradar.alert.AlertType;
import org.policyradar.alert.AlertStore;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.testing.TestElasticsearch;

/**
 * Two instances raising the same alerts at the same moment, each through its own client: the create-only write with
 * the dedup key as id lets exactly one of them store (and so deliver) each alert.
 */
class AlertDedupTwoWritersTest {

    @Test
    void eachDedupKeyIsRaisedByExactlyOneOfTwoConcurrentWriters() throws Exception {
        try (ElasticsearchConnection one = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
             ElasticsearchConnection two = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            new IndexSetup(one.client()).ensure(List.of(AlertStore.ALERTS));
            AlertStore a = new AlertStore(one.client());
            AlertStore b = new AlertStore(two.client());
            String run = Long.toString(System.nanoTime(), 36);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 10; i++) {
                    Alert alert = alert("watch:two-writers-" + run + ":" + i);
                    List<Callable<Boolean>> writers = List.of(() -> a.raise(alert), () -> b.raise(alert));
                    List<Boolean> stored = new ArrayList<>();
                    for (Future<Boolean> f : pool.invokeAll(writers)) {
                        stored.add(f.get());
                    }
                    assertThat(stored).as(alert.id()).containsExactlyInAnyOrder(true, false);
                }
            } finally {
                pool.shutdown();
            }
            for (int i = 0; i < 10; i++) {
                assertThat(a.get("watch:two-writers-" + run + ":" + i)).isPresent();
            }
        }
    }

    private static Alert alert(String key) {
        return Alert.builder().id(key).type(AlertType.WATCH).created(Instant.now()).dedupKey(key).title("Two writers")
                .summary("Raised by both instances").windowStart(Instant.now()).windowEnd(Instant.now()).observed(0.0)
                .itemsCount(0).items(List.of()).deliveries(List.of()).delivered(false).build();
    }
}
