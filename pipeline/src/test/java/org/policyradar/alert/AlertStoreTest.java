package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link AlertStore}: create-only raising by dedup key, delivery state, and the lookups the detectors rely on. */
class AlertStoreTest {
    private static final Instant T = Instant.parse("2042-02-02T10:00:00Z");
    private static AlertTestIndex index;
    private static AlertStore store;

    @BeforeAll
    static void connect() {
        index = new AlertTestIndex();
        store = new AlertStore(index.es.client());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static Alert alert(AlertType type, String key, Instant created, String watch, List<Alert.AlertItem> items) {
        return Alert.builder().id(key).type(type).created(created).dedupKey(key).watch(watch).title("t " + key)
                .items(items).deliveries(List.of(new Alert.Delivery("mail", "a@example.org", Alert.Delivery.PENDING, 0, null,
                        created, null, null))).delivered(false).build();
    }

    @Test
    void raisingTheSameDedupKeyTwiceStoresItOnceAndKeepsTheFirst() {
        String key = AlertTestIndex.unique("spike:dedup") + ":2042-02-02";
        assertThat(store.raise(alert(AlertType.SPIKE, key, T, null, List.of()))).isTrue();
        Alert second = alert(AlertType.SPIKE, key, T.plusSeconds(60), null, List.of()).toBuilder().title("second").build();
        assertThat(store.raise(second)).isFalse();
        assertThat(store.get(key)).map(Alert::title).contains("t " + key);
        assertThatThrownBy(() -> store.raise(alert(AlertType.SPIKE, key, T, null, List.of()).toBuilder().id("other").build()))
                .hasMessageContaining("dedup key");
    }

    @Test
    void aRecordedDeliveryTakesTheAlertOutOfThePendingList() {
        String key = AlertTestIndex.unique("watch:deliver");
        Alert a = alert(AlertType.WATCH, key, T, "w", List.of());
        store.raise(a);
        assertThat(store.pending(T.minusSeconds(1))).extracting(Alert::id).contains(key);
        Alert.Delivery done = new Alert.Delivery("mail", "a@example.org", Alert.Delivery.DELIVERED, 1, T, null, T, null);
        store.updateDeliveries(a.withDeliveries(List.of(done), true));
        assertThat(store.pending(T.minusSeconds(1))).extracting(Alert::id).doesNotContain(key);
        Alert stored = store.get(key).orElseThrow();
        assertThat(stored.delivered()).isTrue();
        assertThat(stored.deliveries()).containsExactly(done);
    }

    @Test
    void raisedSinceMatchesTypeSubjectAndTimeOnly() {
        String subject = AlertTestIndex.unique("quantum");
        store.raise(alert(AlertType.SPIKE, "spike:" + subject + ":2042-02-02", T, null, List.of()));
        assertThat(store.spikeRaisedSince(subject, T.minus(Duration.ofHours(1)))).isTrue();
        assertThat(store.spikeRaisedSince(subject, T)).as("created must be after since").isFalse();
        assertThat(store.raisedSince(AlertType.SIGNAL_SPIKE, subject, T.minus(Duration.ofHours(1)))).as("other type").isFalse();
        assertThat(store.spikeRaisedSince(subject + "/CN", T.minus(Duration.ofHours(1)))).as("other subject").isFalse();
    }

    @Test
    void listingFiltersByTypeAndTimeAndItemsAlertedNamesAWatchsListedItems() {
        String watch = AlertTestIndex.unique("w");
        Instant t = T.plus(Duration.ofDays(30));
        Alert.AlertItem i1 = new Alert.AlertItem("item-1", "https://x.example/1", "one", t, "src");
        Alert.AlertItem i2 = new Alert.AlertItem("item-2", "https://x.example/2", "two", t, "src");
        store.raise(alert(AlertType.WATCH, "watch:" + watch + ":a", t, watch, List.of(i1)));
        store.raise(alert(AlertType.WATCH, "watch:" + watch + ":b", t.plusSeconds(60), watch, List.of(i2)));
        store.raise(alert(AlertType.DIGEST, "digest:" + watch, t.plusSeconds(120), null, List.of()));

        assertThat(store.itemsAlerted(watch, t.minusSeconds(1))).containsExactlyInAnyOrder("item-1", "item-2");
        assertThat(store.itemsAlerted(watch, t.plusSeconds(30))).containsExactly("item-2");
        assertThat(store.list(t.minusSeconds(1), Optional.of("watch"), 100)).extracting(Alert::id)
                .containsSubsequence("watch:" + watch + ":b", "watch:" + watch + ":a").doesNotContain("digest:" + watch);
        assertThat(store.between(t, t.plusSeconds(121), AlertType.DIGEST, 10)).extracting(Alert::id).contains("digest:" + watch);
        assertThat(store.existing(List.of("watch:" + watch + ":a", "nope-" + watch))).containsExactly("watch:" + watch + ":a");
    }
}
