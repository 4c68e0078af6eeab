package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.item.Item;

/** {@link SpikeDetector}: the measure of a window against its daily baseline, the spike rule, cooldown and regions. */
class SpikeDetectorTest {
    private static final Instant NOW = Instant.parse("2041-05-20T12:00:00Z");
    private static final AlertsConfig.Spike WEEK = new AlertsConfig.Spike(Duration.ofDays(1), 7, 3, 2, 3.0, Duration.ofHours(24));
    private static AlertTestIndex index;

    @BeforeAll
    static void connect() {
        index = new AlertTestIndex();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static SpikeDetector detector() {
        AlertsConfig config = AlertsConfig.empty();
        return new SpikeDetector(index.es.client(), "radar-items", new AlertStore(index.es.client()), new AlertFactory(config));
    }

    /** {@code perDay[k-1]} items on day k before the window; {@code today} items in the window from two sources. */
    private static List<Item> series(String topic, String region, int today, int... perDay) {
        List<Item> out = new ArrayList<>();
        for (int day = 1; day <= perDay.length; day++) {
            for (int i = 0; i < perDay[day - 1]; i++) {
                out.add(AlertTestIndex.item("past " + day + "/" + i, topic, "src-" + (i % 2), region,
                        NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(1 + i))));
            }
        }
        for (int i = 0; i < today; i++) {
            out.add(AlertTestIndex.item("today " + i, topic, "src-" + (i % 2), region, NOW.minus(Duration.ofMinutes(20 + 30L * i))));
        }
        return out;
    }

    @Test
    void theWindowIsMeasuredAgainstTheMedianOfTheSameWindowOnEachEarlierDay() throws Exception {
        String topic = AlertTestIndex.unique("measure");
        index.index(series(topic, "EU", 10, 2, 2, 2, 3, 1, 2, 2));
        SpikeDetector.Measure m = detector().measure(SpikeDetector.Subject.topic(topic), WEEK, NOW);
        assertThat(m.observed()).isEqualTo(10);
        assertThat(m.sources()).isEqualTo(2);
        assertThat(m.expected()).isEqualTo(2.0);
        // MAD is 0, so the Poisson floor √2 is the noise: (10 - 2) / √2
        assertThat(m.score()).isCloseTo(8 / Math.sqrt(2), within(1e-9));
        assertThat(m.windowStart()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(SpikeDetector.isSpike(m, WEEK)).isTrue();
    }

    @Test
    void aNearDuplicateIsNotCountedAndAFlatSeriesIsNoSpike() throws Exception {
        String topic = AlertTestIndex.unique("flat");
        List<Item> items = series(topic, "EU", 3, 3, 3, 3, 3, 3, 3, 3);
        Item copy = AlertTestIndex.item("syndicated copy", topic, "src-9", "EU", NOW.minus(Duration.ofMinutes(5)))
                .withDuplicateOf(items.get(items.size() - 1).id());
        items.add(copy);
        index.index(items);
        SpikeDetector.Measure m = detector().measure(SpikeDetector.Subject.topic(topic), WEEK, NOW);
        assertThat(m.observed()).as("the copy is left out").isEqualTo(3);
        assertThat(m.score()).isZero();
        assertThat(SpikeDetector.isSpike(m, WEEK)).isFalse();
    }

    @Test
    void theSpikeRuleNeedsCountSourcesAndScore() {
        SpikeDetector.Measure strong = new SpikeDetector.Measure("t", NOW, NOW, 10, 2, 1, 5.0, 7);
        assertThat(SpikeDetector.isSpike(strong, WEEK)).isTrue();
        assertThat(SpikeDetector.isSpike(new SpikeDetector.Measure("t", NOW, NOW, 2, 2, 0, 9.0, 7), WEEK)).as("count").isFalse();
        assertThat(SpikeDetector.isSpike(new SpikeDetector.Measure("t", NOW, NOW, 10, 1, 1, 9.0, 7), WEEK)).as("sources").isFalse();
        assertThat(SpikeDetector.isSpike(new SpikeDetector.Measure("t", NOW, NOW, 10, 2, 1, 2.9, 7), WEEK)).as("score").isFalse();
        assertThat(SpikeDetector.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(SpikeDetector.median(new double[] {})).isZero();
    }

    @Test
    void aSubjectsKeyLabelAndQueryNameWhatItIsAbout() {
        assertThat(new SpikeDetector.Subject("5g", "CN", null).key()).isEqualTo("5g/CN");
        assertThat(new SpikeDetector.Subject(null, null, "Huawei").query()).isEqualTo("entities:\"Huawei\"");
        assertThat(SpikeDetector.Subject.signal("funding", "ai").key()).isEqualTo("funding/ai");
        assertThat(SpikeDetector.Subject.signal("funding", "ai").query()).isEqualTo("topics:\"ai\" AND signals:\"funding\"");
        assertThat(new SpikeDetector.Subject("5g", "EU", null).label()).isEqualTo("topic '5g' in EU");
    }

    @Test
    void aSpikeIsRaisedOnceWithinItsCooldownAndARegionHoldingTheWholeWindowAddsNoAlertOfItsOwn() throws Exception {
        String topic = AlertTestIndex.unique("raise");
        index.index(series(topic, "CN", 12, 1, 1, 1, 1, 1, 1, 1));
        AlertsConfig config = new AlertsConfig(Optional.empty(), List.of(), List.of(), WEEK, Map.of());
        List<Alert> first = detector().evaluate(config, NOW);
        List<Alert> mine = first.stream().filter(a -> topic.equals(a.topic())).toList();
        assertThat(mine).as("the topic's alert only: every window item is from CN").hasSize(1);
        assertThat(mine.get(0).region()).isNull();
        assertThat(mine.get(0).type()).isEqualTo(AlertType.SPIKE);
        assertThat(mine.get(0).itemsCount()).isEqualTo(12);
        assertThat(mine.get(0).items()).hasSize(10);

        List<Alert> again = detector().evaluate(config, NOW.plus(Duration.ofHours(13))); // the next day: a new dedup key, within the cooldown
        assertThat(again).noneMatch(a -> topic.equals(a.topic()));
    }
}
