package org.policyradar.yaml;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every configuration file and command-line option: a whole number and a unit,
 * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}, optionally separated by spaces ({@code 500ms}, {@code 30s},
 * {@code 15m}, {@code 2h}, {@code 90d}, {@code 1 h}). It is the union of the four grammars it replaces (source
 * schedules, {@code politeness.host_delay}, alerts.yaml windows and the CLI options); what range a key accepts is the
 * caller's rule, not the grammar's.
 */
public final class DurationText {
    /** Examples for error messages. */
    public static final String EXAMPLES = "30s, 15m, 2h or 90d";

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private DurationText() {
    }

    /** The duration {@code text} writes, or empty (no exception) so the caller can name the file, entry and key. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }
}
