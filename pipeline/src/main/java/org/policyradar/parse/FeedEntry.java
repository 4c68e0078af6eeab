package org.policyradar.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, decoded and normalised. Text fields are plain text (markup removed) and bounded in length.
 *
 * @param link               the entry's link, absolute when the feed gave a resolvable one; null when the entry has
 *                           no link at all (it is kept: its title and summary can still be classified)
 * @param guid               the entry's guid / Atom id, or null
 * @param published          when the entry says it was published (or updated); the fetch time when it says nothing
 * @param publishedEstimated true when {@code published} is the fetch time because the entry had no usable date
 * @param lang               the entry's or feed's declared language, or null
 */
public record FeedEntry(String link, String guid, String title, String summary, String content,
                        Instant published, boolean publishedEstimated, String lang, List<String> categories) {
    public FeedEntry {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /**
     * What makes this entry distinct within its feed and across fetches: the link, else the guid, else the title,
     * else the summary (a parser returns no entry that has none of them).
     */
    public String dedupeKey() {
        if (link != null) {
            return link;
        }
        if (guid != null) {
            return "guid:" + guid;
        }
        if (title != null) {
            return "title:" + title;
        }
        return "text:" + summary;
    }
}
