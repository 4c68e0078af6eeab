package org.policyradar.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.dates.YearFirstDate;

/**
 * Finds the date in a listing's text, in the forms government and EU listing pages print: year first
 * ({@link YearFirstDate}: {@code 2026-11-30}, {@code 2026/11/30}, {@code 2026.11.30}, {@code 2026年11月30日}), {@code 30.11.2026}, {@code 30/11/2026}, {@code 30-11-2026},
 * {@code 30 November 2026}, {@code 30 nov. 2026}, {@code November 30, 2026} (English, French and German month names,
 * from the JDK's own locale data), and the year-less {@code [11-30]} or a bare {@code 11-30}, which take the year that
 * puts them on or before the reference day (a listing shows what was published up to now; one day of slack for time
 * zones).
 */
public final class ListingDates {
    private static final Pattern DAY_FIRST = Pattern.compile("(?<!\\d)(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("(?<!\\d)(\\d{1,2})\\.?\\s+(\\p{L}{3,})\\.?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile("(\\p{L}{3,})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)");
    private static final Pattern BRACKETED_MONTH_DAY = Pattern.compile("[\\[【(（]\\s*(\\d{1,2})[-/.月](\\d{1,2})日?\\s*[\\]】)）]");
    private static final Pattern BARE_MONTH_DAY = Pattern.compile("\\s*(\\d{1,2})[-/](\\d{1,2})\\s*");
    private static final Map<String, Integer> MONTHS = monthNames(List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN));

    private ListingDates() {
    }

    /** The first date in {@code text}, or empty; {@code reference} is the day the listing was read. */
    public static Optional<LocalDate> find(String text, LocalDate reference) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.replace('\u00A0', ' ');
        Optional<YearFirstDate> yearFirst = YearFirstDate.find(s);
        if (yearFirst.isPresent()) {
            return yearFirst.map(YearFirstDate::date);
        }
        Matcher m = DAY_MONTH_NAME.matcher(s);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                return date(m.group(3), month.toString(), m.group(1));
            }
        }
        m = MONTH_NAME_DAY.matcher(s);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                return date(m.group(3), month.toString(), m.group(2));
            }
        }
        m = DAY_FIRST.matcher(s);
        if (m.find()) {
            // Europe writes the day first; a "month" above 12 can only be an American month/day/year.
            return Integer.parseInt(m.group(3)) > 12 ? date(m.group(4), m.group(1), m.group(3)) : date(m.group(4), m.group(3), m.group(1));
        }
        m = BRACKETED_MONTH_DAY.matcher(s);
        if (m.find()) {
            return yearless(m.group(1), m.group(2), reference);
        }
        m = BARE_MONTH_DAY.matcher(s);
        return m.matches() ? yearless(m.group(1), m.group(2), reference) : Optional.empty();
    }

    private static Optional<LocalDate> yearless(String month, String day, LocalDate reference) {
        Optional<LocalDate> thisYear = date(String.valueOf(reference.getYear()), month, day);
        return thisYear.map(d -> d.isAfter(reference.plusDays(1)) ? d.minusYears(1) : d);
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Integer> monthNames(List<Locale> locales) {
        Map<String, Integer> names = new HashMap<>();
        for (Locale locale : locales) {
            for (Month month : Month.values()) {
                for (TextStyle style : List.of(TextStyle.FULL, TextStyle.SHORT)) {
                    String name = month.getDisplayName(style, locale).toLowerCase(locale);
                    names.putIfAbsent(name.endsWith(".") ? name.substring(0, name.length() - 1) : name, month.getValue());
                }
            }
        }
        names.putIfAbsent("sept", 9);
        return Map.copyOf(names);
    }
}
