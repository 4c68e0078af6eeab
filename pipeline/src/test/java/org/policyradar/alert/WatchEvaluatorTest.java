package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.item.Item;
import org.policyradar.search.QueryExpander;

/** {@link WatchEvaluator}: what a watch matches, from its high-water mark on, each item listed once. */
class WatchEvaluatorTest {
    private static final Instant NOW = Instant.parse("2043-07-01T12:00:00Z");
    private static AlertTestIndex index;
    private static WatchEvaluator evaluator;

    @BeforeAll
    static void connect() {
        index = new AlertTestIndex();
        WatchState state = new WatchState(index.es.client());
        state.ensure();
        AlertStore store = new AlertStore(index.es.client());
        evaluator = new WatchEvaluator(index.es.client(), "radar-items", store, state, new AlertFactory(AlertsConfig.empty()),
                QueryExpander.none());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static AlertsConfig.Watch watch(String word, List<String> topics, List<String> regions) {
        return new AlertsConfig.Watch(AlertTestIndex.unique("watch"), word, topics, regions, List.of());
    }

    private static Item item(String title, String topic, String region, Instant fetched) {
        return AlertTestIndex.item(title, topic, "src-" + region.toLowerCase(), region, fetched);
    }

    @Test
    void aWatchListsWhatMatchesItsQueryTopicsAndRegionsWithinTheFirstLookback() throws Exception {
        String word = AlertTestIndex.unique("zeta").replace("-", "");
        Item match = item(word + " chip plan", "ai", "CN", NOW.minus(Duration.ofHours(2)));
        Item otherRegion = item(word + " chip plan in Europe", "ai", "EU", NOW.minus(Duration.ofHours(2)));
        Item otherTopic = item(word + " quantum plan", "quantum", "CN", NOW.minus(Duration.ofHours(2)));
        Item tooOld = item(word + " old plan", "ai", "CN", NOW.minus(WatchEvaluator.FIRST_LOOKBACK).minus(Duration.ofHours(1)));
        Item noWord = item("chip plan", "ai", "CN", NOW.minus(Duration.ofHours(2)));
        index.index(List.of(match, otherRegion, otherTopic, tooOld, noWord));

        AlertsConfig.Watch w = watch(word, List.of("ai"), List.of("CN"));
        Optional<Alert> alert = evaluator.evaluate(w, NOW);
        assertThat(alert).isPresent();
        assertThat(alert.get().type()).isEqualTo(AlertType.WATCH);
        assertThat(alert.get().watch()).isEqualTo(w.id());
        assertThat(alert.get().items()).extracting(Alert.AlertItem::id).containsExactly(match.id());
        assertThat(alert.get().itemsCount()).isEqualTo(1);
        assertThat(alert.get().region()).isEqualTo("CN");
    }

    @Test
    void theNextEvaluationListsOnlyItemsFetchedSinceItsMarkOrLateWithinTheOverlapAndNeverAnItemTwice() throws Exception {
        String word = AlertTestIndex.unique("eta").replace("-", "");
        AlertsConfig.Watch w = watch(word, List.of(), List.of());
        Item first = item(word + " first", "ai", "EU", NOW.minus(Duration.ofMinutes(5)));
        index.index(List.of(first));
        assertThat(evaluator.evaluate(w, NOW)).map(a -> a.items().size()).contains(1);

        // the first item is within the overlap of the new mark, but it was listed already
        assertThat(evaluator.evaluate(w, NOW.plus(Duration.ofMinutes(10)))).as("nothing new").isEmpty();

        // fetched before the mark but searchable only now (within the overlap), and one fetched after the mark
        Item late = item(word + " late", "ai", "EU", NOW.plus(Duration.ofMinutes(5)));
        Item next = item(word + " next", "ai", "EU", NOW.plus(Duration.ofMinutes(20)));
        Item beforeOverlap = item(word + " long ago", "ai", "EU", NOW.minus(Duration.ofMinutes(30)));
        index.index(List.of(late, next, beforeOverlap));
        Optional<Alert> again = evaluator.evaluate(w, NOW.plus(Duration.ofMinutes(30)));
        assertThat(again).isPresent();
        assertThat(again.get().items()).extracting(Alert.AlertItem::id).containsExactly(late.id(), next.id());
    }

    @Test
    void theAlertsKeyIsADigestOfItsItemIds() {
        assertThat(WatchEvaluator.digest(List.of("a", "b"))).hasSize(20).isEqualTo(WatchEvaluator.digest(List.of("a", "b")))
                .isNotEqualTo(WatchEvaluator.digest(List.of("a", "c")));
    }
}
