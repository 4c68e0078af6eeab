package org.policyradar.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YearFirstDateTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-04-24                     | 2024-04-24T00:00    | false
            2024/4/24 10:15                | 2024-04-24T10:15    | false
            2024.04.24T10:15:30            | 2024-04-24T10:15:30 | false
            发布时间：2024-04-24 10:15      | 2024-04-24T10:15    | false
            2024年4月24日                   | 2024-04-24T00:00    | true
            2024年4月24号 08:05             | 2024-04-24T08:05    | true
            2016年10月14日07:17             | 2016-10-14T07:17    | true
            2019年4月1日 下午3点15分         | 2019-04-01T15:15    | true
            2019年4月1日 10时15分30秒        | 2019-04-01T10:15:30 | true
            2021-03-01 10:52:32 来源：新华社 | 2021-03-01T10:52:32 | false
            """)
    void readsTheYearFirstFormsOfFeedsListingsAndPages(String text, String expected, boolean chinese) {
        YearFirstDate d = YearFirstDate.find(text).orElseThrow();
        assertThat(d.dateTime()).isEqualTo(LocalDateTime.parse(expected));
        assertThat(d.chinese()).isEqualTo(chinese);
    }

    @ParameterizedTest
    @CsvSource({"2024-02-30", "no date here", "24.04.2024"})
    void noRealYearFirstDayIsEmpty(String text) {
        assertThat(YearFirstDate.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024年4月24日 来源：人民网 | true
            来源：人民网 2024年4月24日 | false
            """)
    void atStartOnlyReadsADateTheTextBeginsWith(String text, boolean found) {
        assertThat(YearFirstDate.atStart(text).isPresent()).isEqualTo(found);
    }
}
