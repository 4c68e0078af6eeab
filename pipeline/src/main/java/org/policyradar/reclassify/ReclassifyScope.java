package org.policyradar.reclassify;

import java.time.Duration;
import java.util.Optional;

/**
 * Which stored items a run re-classifies.
 *
 * @param alias   the items alias (or index) to read and update
 * @param source  only items of this source id
 * @param since   only items published within this duration before the run began, as given ({@code 90d}); with
 *                {@code window}, the duration itself
 */
public record ReclassifyScope(String alias, Optional<String> source, Optional<String> since, Optional<Duration> window) {
    public ReclassifyScope {
        if (since.isPresent() != window.isPresent()) {
            throw new IllegalArgumentException("since and window go together");
        }
    }

    public static ReclassifyScope all(String alias) {
        return new ReclassifyScope(alias, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
