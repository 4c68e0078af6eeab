package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ListingDatesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static LocalDate find(String text) {
        return ListingDates.find(text, TODAY).orElse(null);
    }

    @Test
    void readsTheFormsListingPagesPrint() {
        LocalDate nov30 = LocalDate.of(2026, 11, 30);
        assertThat(find("2026-11-30")).isEqualTo(nov30);
        assertThat(find("发布时间：2026/11/30 09:41")).isEqualTo(nov30);
        assertThat(find("2026.11.30")).isEqualTo(nov30);
        assertThat(find("2026年11月30日")).isEqualTo(nov30);
        assertThat(find("30.11.2026")).isEqualTo(nov30);
        assertThat(find("30/11/2026")).isEqualTo(nov30);
        assertThat(find("Press Releases 30-11-2026")).isEqualTo(nov30);
        assertThat(find("30.11-2026")).as("one separator throughout").isNull();
        assertThat(find("Press release | 30 November 2026 | Brussels")).isEqualTo(nov30);
        assertThat(find("30 nov. 2026")).isEqualTo(nov30);
        assertThat(find("30. November 2026")).isEqualTo(nov30);
        assertThat(find("30 novembre 2026")).isEqualTo(nov30);
        assertThat(find("November 30, 2026")).isEqualTo(nov30);
        assertThat(find("11/30/2026")).as("a month above 12 can only be month/day").isEqualTo(nov30);
        assertThat(find("2 mars 2026")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(find("3. März 2026")).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void aYearlessDateTakesTheYearThatPutsItBeforeTheReadingDay() {
        assertThat(find("[11-30]")).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(find("11-30")).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(find("【12-05】")).as("a date after the reading day is last year's").isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(find("[12-28]")).isEqualTo(LocalDate.of(2025, 12, 28));
    }

    @Test
    void textWithoutADateOrWithAnImpossibleOneHasNone() {
        assertThat(find("工信部通信〔2026〕201号")).isNull();
        assertThat(find("2026年第33号")).isNull();
        assertThat(find("Commission opens 12 proceedings in 2026")).isNull();
        assertThat(find("2026-13-45")).isNull();
        assertThat(find("第1-2季度 5G 用户")).isNull();
        assertThat(find(null)).isNull();
    }
}
