package org.policyradar.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * When a source is polled: a fixed interval ({@code 30s}, {@code 15m}, {@code 1h}, {@code 1d}) or a Quartz cron
 * expression ({@code 0 0/30 * * * ?}).
 */
public record Schedule(String text, Optional<Duration> interval, Optional<String> cron) {

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*([smhd])");

    /** Parses a schedule; returns empty with no exception so the caller can name file, source and key. */
    public static Optional<Schedule> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher m = INTERVAL.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            if (n <= 0) {
                return Optional.empty();
            }
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Optional.of(new Schedule(trimmed, Optional.of(d), Optional.empty()));
        }
        if (CronExpression.isValidExpression(trimmed)) {
            return Optional.of(new Schedule(trimmed, Optional.empty(), Optional.of(trimmed)));
        }
        return Optional.empty();
    }
}
