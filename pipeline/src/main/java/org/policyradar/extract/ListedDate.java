package org.policyradar.extract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.policyradar.dates.YearFirstDate;

/**
 * A date as listings give it: year first ({@link YearFirstDate}: {@code 2026-11-30}, {@code 2026年11月30日}, with an
 * optional time, {@code 2026-11-30 09:41:00}), ISO 8601 with an offset, or epoch milliseconds (or seconds) as a
 * number or digits. A date or time without offset is meant in the source's zone (Beijing time for CN sources).
 */
public final class ListedDate {
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}(\\.\\d+)?");
    /** Before this many, a number is epoch seconds (9–10 digits, until 2286); from it, milliseconds. */
    private static final long MILLIS_FROM = 100_000_000_000L;

    private ListedDate() {
    }

    /** @return the instant, or null when the value holds no date */
    public static Instant parse(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return epoch(new BigDecimal(n.toString()).longValue());
        }
        String text = value.toString().strip();
        if (EPOCH.matcher(text).matches()) {
            return epoch(new BigDecimal(text).longValue());
        }
        if (text.length() > 19 && text.charAt(10) == 'T') {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException noOffset) {
                // a local date-time: read below
            }
        }
        return YearFirstDate.find(text).map(d -> d.dateTime().atZone(zone).toInstant()).orElse(null);
    }

    private static Instant epoch(long n) {
        return n >= MILLIS_FROM ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
}
