package org.policyradar.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void everyFormAShippedConfigTheReadmeOrAnOptionUsesParses() {
        assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(DurationText.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(DurationText.parse("15m")).contains(Duration.ofMinutes(15));
        assertThat(DurationText.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(DurationText.parse("2h")).contains(Duration.ofHours(2));
        assertThat(DurationText.parse("24h")).contains(Duration.ofHours(24));
        assertThat(DurationText.parse("1d")).contains(Duration.ofDays(1));
        assertThat(DurationText.parse("90d")).contains(Duration.ofDays(90));
        // the schedule and host_delay grammars allowed a space before the unit and surrounding blanks
        assertThat(DurationText.parse(" 1 h ")).contains(Duration.ofHours(1));
        assertThat(DurationText.parse("0s")).contains(Duration.ZERO);
    }

    @Test
    void anythingElseIsRefusedWithoutAnException() {
        for (String bad : new String[] {"", "soon", "1", "h", "1.5h", "-1h", "1w", "1H", "10 minutes", "1h30m", "0 0/30 * * * ?"}) {
            assertThat(DurationText.parse(bad)).as(bad).isEmpty();
        }
        assertThat(DurationText.parse(null)).isEmpty();
        assertThat(DurationText.parse("9999999999999d")).isEmpty();
    }
}
