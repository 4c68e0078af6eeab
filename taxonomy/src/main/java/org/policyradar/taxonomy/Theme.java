package org.policyradar.taxonomy;

import java.util.List;

/**
 * A concept with its names in every language, for search: a query naming it in one language also finds items naming
 * it in another. Themes are not used by the classifier, so adding one never changes a topic's score.
 *
 * @param topic   the topic it belongs to (optional), so an analyst sees where it fits
 * @param aliases names per language; a trailing {@code *} on a single word matches any word starting with it
 */
public record Theme(String id, Labels label, String topic, List<TermGroup> aliases) {
    public Theme {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
