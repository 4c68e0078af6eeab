package org.policyradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.alert.AlertsConfigLoader;

/** Schedules, politeness, alerts.yaml and the CLI read durations with one grammar: what one accepts, all accept. */
class OneDurationGrammarTest {
    @TempDir
    Path dir;

    @Test
    void aScheduleTakesEveryUnitButNothingBelowASecond() {
        assertThat(Schedule.parse("90d").orElseThrow().interval()).contains(Duration.ofDays(90));
        assertThat(Schedule.parse("1 h").orElseThrow().interval()).contains(Duration.ofHours(1));
        assertThat(Schedule.parse("1500ms").orElseThrow().interval()).contains(Duration.ofMillis(1500));
        assertThat(Schedule.parse("0s")).isEmpty();
        assertThat(Schedule.parse("500ms")).isEmpty();
        assertThat(Schedule.parse("0 0/30 * * * ?").orElseThrow().cron()).contains("0 0/30 * * * ?");
    }

    @Test
    void hostDelayAndAlertWindowsTakeTheSameForms() throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: a, name: A, region: EU, language: en, kind: feed, url: "https://a.example/feed", schedule: 2h}
                """);
        Files.writeString(dir.resolve("radar.yaml"), "politeness: {host_delay: 2h}\n");
        assertThat(new ConfigLoader(Map.of()).load(dir).politeness().hostDelay()).isEqualTo(Duration.ofHours(2));
        Files.writeString(dir.resolve("radar.yaml"), "politeness: {host_delay: 1500ms}\n");
        assertThat(new ConfigLoader(Map.of()).load(dir).politeness().hostDelay()).isEqualTo(Duration.ofMillis(1500));

        Path alerts = Files.writeString(dir.resolve("alerts.yaml"), "spike: {window: 90m, cooldown: 1 d}\n");
        var spike = new AlertsConfigLoader(Map.of()).load(alerts).spike();
        assertThat(spike.window()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spike.cooldown()).isEqualTo(Duration.ofDays(1));
        Files.writeString(alerts, "spike: {window: 90}\n");
        assertThatThrownBy(() -> new AlertsConfigLoader(Map.of()).load(alerts)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'spike.window'").hasMessageContaining("'90' is not a duration");
    }
}
