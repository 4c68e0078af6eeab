package org.policyradar.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of year-first dates, as Chinese pages, feeds and listings and most JSON endpoints write them:
 * {@code 2024-04-24}, {@code 2024/4/24}, {@code 2024.04.24}, {@code 2024年4月24日} (or 号/號), with an optional time
 * after {@code T} or spaces (or right after 日): {@code 10:15}, {@code 10:15:30}, {@code 10：15}, {@code 10时15分30秒},
 * {@code 下午3点15分} (下午 before 12 adds twelve hours). Used by the feed dates, the listing dates, the JSON listing
 * dates and the article's date line; zones stay the caller's business (a year-first date carries none).
 *
 * @param date    the day
 * @param time    the time of day, or null when none was written
 * @param chinese whether it was written the Chinese way (年 or a Chinese time unit)
 * @param start   where it starts in the text
 */
public record YearFirstDate(LocalDate date, LocalTime time, boolean chinese, int start) {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*([-/.年])\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?:\\s*([日号號]))?"
                    + "(?:(?:[T\\s]+|(?<=[日号號]))([上下]午)?\\s*(\\d{1,2})\\s*([:：时時点點])\\s*(\\d{2}|\\d(?!\\d))"
                    + "(?:\\s*(?:[:：]|分\\s*)(\\d{1,2})(?!\\d)\\s*秒?)?)?");

    /** The first year-first date in the text; empty when there is none or the first one is no real day (2024-02-30). */
    public static Optional<YearFirstDate> find(String text) {
        Matcher m = DATE.matcher(text == null ? "" : text);
        return m.find() ? of(m) : Optional.empty();
    }

    /** The year-first date the text starts with (after spaces), whatever follows it. */
    public static Optional<YearFirstDate> atStart(String text) {
        Matcher m = DATE.matcher(text == null ? "" : text.strip());
        return m.lookingAt() ? of(m) : Optional.empty();
    }

    public LocalDateTime dateTime() {
        return time == null ? date.atStartOfDay() : date.atTime(time);
    }

    private static Optional<YearFirstDate> of(Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            LocalTime time = null;
            if (m.group(7) != null) {
                int hour = Integer.parseInt(m.group(7));
                if ("下午".equals(m.group(6)) && hour < 12) {
                    hour += 12;
                }
                time = LocalTime.of(hour, Integer.parseInt(m.group(9)), m.group(10) == null ? 0 : Integer.parseInt(m.group(10)));
            }
            boolean chinese = "年".equals(m.group(2)) || m.group(5) != null || m.group(6) != null
                    || m.group(8) != null && "时時点點".contains(m.group(8));
            return Optional.of(new YearFirstDate(date, time, chinese, m.start()));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
