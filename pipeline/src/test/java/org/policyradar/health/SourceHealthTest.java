package org.policyradar.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A source is stale when it has produced nothing new for longer than usual for it. */
class SourceHealthTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final long HALF_HOUR = 1800;

    @Test
    void aBusyFeedSilentForTwoDaysIsStaleButNotAfterAQuietNight() {
        // 48 items a day: the usual gap is 30 minutes; the floor is one day
        assertThat(SourceHealth.isStale(NOW, NOW.minus(Duration.ofHours(10)), NOW.minus(Duration.ofDays(30)), 48, HALF_HOUR)).isFalse();
        assertThat(SourceHealth.isStale(NOW, NOW.minus(Duration.ofHours(30)), NOW.minus(Duration.ofDays(30)), 48, HALF_HOUR)).isTrue();
    }

    @Test
    void aWeeklyPublisherIsJudgedByItsOwnRhythm() {
        // one item a week: stale only after three weeks of silence
        double perDay = 1 / 7.0;
        assertThat(SourceHealth.isStale(NOW, NOW.minus(Duration.ofDays(12)), NOW.minus(Duration.ofDays(200)), perDay, 3600)).isFalse();
        assertThat(SourceHealth.isStale(NOW, NOW.minus(Duration.ofDays(22)), NOW.minus(Duration.ofDays(200)), perDay, 3600)).isTrue();
    }

    @Test
    void aSourceThatNeverProducedAnythingIsStaleOnlyAfterTheFloor() {
        assertThat(SourceHealth.isStale(NOW, null, NOW.minus(Duration.ofHours(5)), 0, HALF_HOUR)).isFalse();
        assertThat(SourceHealth.isStale(NOW, null, NOW.minus(Duration.ofDays(4)), 0, HALF_HOUR)).isTrue();
        assertThat(SourceHealth.isStale(NOW, null, null, 0, HALF_HOUR)).isFalse();
    }
}
