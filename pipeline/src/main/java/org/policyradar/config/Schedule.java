package org.policyradar.config;

import java.time.Duration;
import java.util.Optional;
import org.policyradar.yaml.DurationText;
import org.quartz.CronExpression;

/**
 * When a source is polled: a fixed interval ({@code 30s}, {@code 15m}, {@code 1h}, {@code 1d}) or a Quartz cron
 * expression ({@code 0 0/30 * * * ?}). Intervals use the one duration grammar ({@link DurationText}) and are at
 * least a second.
 */
public record Schedule(String text, Optional<Duration> interval, Optional<String> cron) {

    /** Parses a schedule; returns empty with no exception so the caller can name file, source and key. */
    public static Optional<Schedule> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Optional<Duration> interval = DurationText.parse(trimmed);
        if (interval.isPresent()) {
            return interval.get().toSeconds() < 1 ? Optional.empty()
                    : Optional.of(new Schedule(trimmed, interval, Optional.empty()));
        }
        if (CronExpression.isValidExpression(trimmed)) {
            return Optional.of(new Schedule(trimmed, Optional.empty(), Optional.of(trimmed)));
        }
        return Optional.empty();
    }
}
