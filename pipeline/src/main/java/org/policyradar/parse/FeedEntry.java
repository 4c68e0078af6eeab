package org.policyradar.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, decoded and normalised.
 *
 * @param link               the entry's link, absolute
 * @param published          when the entry says it was published (or updated); the fetch time when it says nothing
 * @param publishedEstimated true when {@code published} is the fetch time because the entry had no usable date
 * @param lang               the entry's or feed's declared language, or null
 */
public record FeedEntry(String link, String guid, String title, String summary, String content,
                        Instant published, boolean publishedEstimated, String lang, List<String> categories) {
    public FeedEntry {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
