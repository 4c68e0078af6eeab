package org.policyradar.parse;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param feedType  Rome's feed type, e.g. {@code rss_2.0}, {@code atom_1.0}
 * @param encoding  the charset the bytes were decoded with
 * @param skipped   entries dropped: empty phantom entries (nothing but whitespace) and entries beyond the
 *                  per-feed maximum; each is logged
 * @param repairs   what had to be repaired to read the feed, in order: {@code gunzip} (gzip bytes without
 *                  Content-Encoding), {@code mojibake} (double-encoded UTF-8), {@code entities} (undeclared HTML
 *                  entities or bare ampersands), {@code lenient_xml} (not well-formed: rebuilt, possibly truncated,
 *                  so a caller may prefer not to store the validators of this fetch); empty for a clean feed
 */
public record ParsedFeed(String title, String feedType, String lang, String encoding, List<FeedEntry> entries, int skipped,
                         List<String> repairs) {
    public ParsedFeed {
        entries = List.copyOf(entries);
        repairs = repairs == null ? List.of() : List.copyOf(repairs);
    }

    public ParsedFeed(String title, String feedType, String lang, String encoding, List<FeedEntry> entries, int skipped) {
        this(title, feedType, lang, encoding, entries, skipped, List.of());
    }
}
