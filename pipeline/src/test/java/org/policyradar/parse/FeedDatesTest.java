package org.policyradar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    private static final ZoneId CHINA = ZoneOffset.ofHours(8);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sat, 08 Aug 2020 06:00:00 HKT        | 2020-08-07T22:00:00Z",
            "Sat, 08 Aug 2020 06:00:00 +0800      | 2020-08-07T22:00:00Z",
            "Fri, 07 Aug 2020 22:00:00 GMT        | 2020-08-07T22:00:00Z",
            "07 Jan 2017 14:12:53 +0300           | 2017-01-07T11:12:53Z",
            "Thu, 4 Jan 18 13:00:00 EST           | 2018-01-04T18:00:00Z",
            "Tue, 10 Jun 2003 04:00 PDT           | 2003-06-10T11:00:00Z",
            "Monday, 01 April 2019 08:30:00 +08:00| 2019-04-01T00:30:00Z",
            "2019-04-01T08:30:00+08:00            | 2019-04-01T00:30:00Z",
            "2019-04-01T00:30:00.123Z             | 2019-04-01T00:30:00Z",
            "2019-04-01 08:30:00                  | 2019-04-01T00:30:00Z",
            "2019/04/01 08:30                     | 2019-04-01T00:30:00Z",
            "2019-04-01                           | 2019-03-31T16:00:00Z",
            "2019年4月1日                          | 2019-03-31T16:00:00Z",
            "2019年4月1日 08:30                    | 2019-04-01T00:30:00Z",
            "2019年04月01日 下午3:05               | 2019-04-01T07:05:00Z",
            "2019年4月1日 8时30分                  | 2019-04-01T00:30:00Z",
    })
    void parsesTheFormsFeedsUse(String raw, String expected) {
        assertThat(FeedDates.parse(raw, CHINA)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sat, 99 Foo 2020 06:00:00 GMT", "2019-13-45", "Sat, 08 Aug 2020 06:00:00 XYZ"})
    void rejectsWhatIsNotADate(String raw) {
        assertThat(FeedDates.parse(raw, ZoneOffset.UTC)).isEmpty();
    }
}
