package org.policyradar.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.dates.YearFirstDate;

/**
 * Parses the date texts feeds really contain, for the entries whose dates Rome could not read: RFC 822 with any zone
 * abbreviation we know (HKT, CST, PST, MSK, ...) or a numeric offset, two-digit years, missing seconds or weekday;
 * ISO 8601 with 'T' or a space, with or without seconds, fraction or offset; {@code 2019/04/01 08:00};
 * and the year-first dates of {@link YearFirstDate} such as {@code 2019年4月1日 08:00}. A date without a zone is taken in {@code assumedZone}.
 */
final class FeedDates {
    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("jan", "1"), Map.entry("feb", "2"), Map.entry("mar", "3"), Map.entry("apr", "4"),
            Map.entry("may", "5"), Map.entry("jun", "6"), Map.entry("jul", "7"), Map.entry("aug", "8"),
            Map.entry("sep", "9"), Map.entry("oct", "10"), Map.entry("nov", "11"), Map.entry("dec", "12"));
    /** Abbreviations seen in feeds; RFC 822 ones keep their RFC meaning (CST is US Central there). */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC), Map.entry("WET", ZoneOffset.UTC),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("AKST", ZoneOffset.ofHours(-9)), Map.entry("HST", ZoneOffset.ofHours(-10)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
            Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("MET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("MEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("HKT", ZoneOffset.ofHours(8)), Map.entry("SGT", ZoneOffset.ofHours(8)),
            Map.entry("AWST", ZoneOffset.ofHours(8)), Map.entry("PHT", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("AEST", ZoneOffset.ofHours(10)), Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)), Map.entry("NZDT", ZoneOffset.ofHours(13)));

    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?.*");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?\\s*");

    private FeedDates() {
    }

    static Optional<Instant> parse(String raw, ZoneId assumedZone) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip().replace('\u00A0', ' ');
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return Optional.of(at(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                        zone(m.group(7), assumedZone)));
            }
            // numeric year-first dates are ISO's above (with their zones); here only the Chinese way of writing them
            Optional<YearFirstDate> yearFirst = YearFirstDate.atStart(s).filter(YearFirstDate::chinese);
            if (yearFirst.isPresent()) {
                return yearFirst.map(d -> d.dateTime().atZone(assumedZone).toInstant());
            }
            m = RFC822.matcher(s);
            if (m.matches()) {
                String month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                if (month == null) {
                    return Optional.empty();
                }
                String year = m.group(3);
                if (year.length() == 2) {
                    int y = Integer.parseInt(year);
                    year = String.valueOf(y < 70 ? 2000 + y : 1900 + y);
                } else if (year.length() != 4) {
                    return Optional.empty();
                }
                return Optional.of(at(year, month, m.group(1), m.group(4), m.group(5), m.group(6),
                        zone(m.group(7), assumedZone)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static ZoneId zone(String text, ZoneId assumedZone) {
        if (text == null || text.isEmpty()) {
            return assumedZone;
        }
        char first = text.charAt(0);
        if (first == '+' || first == '-') {
            String digits = text.replace(":", "");
            int hours = Integer.parseInt(digits.substring(1, 3));
            int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
            int sign = first == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        ZoneOffset known = ZONES.get(text.toUpperCase(Locale.ROOT));
        if (known == null) {
            throw new DateTimeException("unknown zone " + text);
        }
        return known;
    }

    private static Instant at(String year, String month, String day, String hour, String minute, String second, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day),
                hour == null ? 0 : Integer.parseInt(hour), minute == null ? 0 : Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second));
        return local.atZone(zone).toInstant();
    }
}
