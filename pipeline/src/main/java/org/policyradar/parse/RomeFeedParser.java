package org.policyradar.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSS 0.9x/1.0/2.0 and Atom with Rome, on text we decoded ourselves ({@link FeedDecoder}). Entries without a link
 * are skipped and logged; duplicate links within one feed are kept once.
 */
public final class RomeFeedParser implements FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(RomeFeedParser.class);
    private final FeedDecoder decoder;

    public RomeFeedParser(FeedDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public ParsedFeed parse(String sourceId, byte[] body, String contentType, String charsetOverride, URI base, Instant fetched)
            throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(sourceId, "empty response body", null);
        }
        FeedDecoder.Decoded decoded = decoder.decode(body, contentType, charsetOverride);
        String xml = stripIllegalXmlChars(decoded.text());
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(xml));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(sourceId, "not a parsable RSS/Atom feed: " + e.getMessage(), e);
        }
        String feedLang = feed.getLanguage();
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int skipped = 0;
        for (SyndEntry e : feed.getEntries()) {
            String link = firstNonBlank(e.getLink(), e.getUri());
            if (link == null) {
                skipped++;
                LOG.warn("event=entry_skipped source={} reason=no_link title=\"{}\"", sourceId, e.getTitle());
                continue;
            }
            String absolute;
            try {
                absolute = base == null ? link.trim() : base.resolve(link.trim().replace(" ", "%20")).toString();
            } catch (IllegalArgumentException bad) {
                skipped++;
                LOG.warn("event=entry_skipped source={} reason=bad_link link=\"{}\"", sourceId, link);
                continue;
            }
            if (!seen.add(absolute)) {
                continue;
            }
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            List<String> categories = e.getCategories().stream().map(SyndCategory::getName)
                    .filter(c -> c != null && !c.isBlank()).toList();
            entries.add(new FeedEntry(absolute, e.getUri(), clean(e.getTitle()), clean(text(e.getDescription())),
                    clean(contents(e.getContents())), date == null ? fetched : date.toInstant(), date == null,
                    feedLang, categories));
        }
        return new ParsedFeed(clean(feed.getTitle()), feed.getFeedType(), feedLang, decoded.charset().name(), entries, skipped);
    }

    private static String text(SyndContent content) {
        return content == null ? null : content.getValue();
    }

    private static String contents(List<SyndContent> contents) {
        if (contents == null || contents.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (SyndContent c : contents) {
            if (c.getValue() != null) {
                sb.append(c.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Feed titles and descriptions are often escaped HTML: keep the text only. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String text = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? Jsoup.parse(s).text() : s;
        text = text.replace('\u00A0', ' ').strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() && (b.startsWith("http://") || b.startsWith("https://")) ? b : null;
    }

    /** XML 1.0 forbids most C0 controls; real feeds contain them and Rome would reject the whole feed. */
    static String stripIllegalXmlChars(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
            if (!legal) {
                if (sb == null) {
                    sb = new StringBuilder(s.length());
                    sb.append(s, 0, i);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
