package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.policyradar.app.UserException;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void optionsTakeTheConfigurationGrammarAndNameTheOptionWhenWrong() {
        assertThat(Durations.parse("--wait-es", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("--since", "90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("--drain-timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Durations.parse("--since", "a week")).isInstanceOf(UserException.class)
                .hasMessageContaining("--since").hasMessageContaining("'a week'").hasMessageContaining("90d");
    }
}
