package org.policyradar.cli;

import org.policyradar.app.UserException;

import java.time.Duration;
import org.policyradar.yaml.DurationText;

/** A duration option ({@code --since 90d}, {@code --wait-es 2m}) in the one grammar of {@link DurationText}. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String option, String text) {
        return DurationText.parse(text).orElseThrow(() ->
                new UserException(option + ": '" + text + "' is not a duration like " + DurationText.EXAMPLES));
    }
}
