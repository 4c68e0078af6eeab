package org.policyradar.parse;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param feedType  Rome's feed type, e.g. {@code rss_2.0}, {@code atom_1.0}
 * @param encoding  the charset the bytes were decoded with
 * @param skipped   entries dropped because they had no usable link (each is logged with its title)
 */
public record ParsedFeed(String title, String feedType, String lang, String encoding, List<FeedEntry> entries, int skipped) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
