package org.policyradar.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rome's entries as {@link FeedEntry}s: duplicates (same {@link FeedEntry#dedupeKey()}) kept once, empty phantom
 * entries skipped, FeedBurner's {@code origLink} preferred to the proxy link, links resolved against the feed, dates
 * Rome cannot read parsed from the raw element text by {@link FeedDates} (in Beijing time for a Chinese feed), and
 * entries without any date given the fetch time with {@code publishedEstimated=true}; everything within the limits.
 */
final class FeedEntryMapper {
    private static final Logger LOG = LoggerFactory.getLogger(FeedEntryMapper.class);
    private static final ZoneId CHINA = ZoneOffset.ofHours(8);
    private static final int MAX_LINK_CHARS = 4096;
    private static final int MAX_CATEGORIES = 50;
    private static final int MAX_CATEGORY_CHARS = 200;
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "date", "issued", "created", "updated", "modified");

    private final RomeFeedParser.Limits limits;

    FeedEntryMapper(RomeFeedParser.Limits limits) {
        this.limits = limits;
    }

    ParsedFeed toParsedFeed(String sourceId, SyndFeed feed, Document document, FeedDecoder.Decoded decoded,
                                    URI base, Instant fetched, List<String> repairs) {
        String feedLang = FeedText.blankToNull(feed.getLanguage());
        ZoneId assumedZone = feedLang != null && feedLang.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINA : ZoneOffset.UTC;
        List<SyndEntry> syndEntries = feed.getEntries();
        List<Element> elements = entryElements(document.getRootElement());
        boolean aligned = elements.size() == syndEntries.size();
        List<FeedEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int skipped = 0;
        for (int i = 0; i < syndEntries.size(); i++) {
            if (entries.size() >= limits.maxEntries()) {
                int rest = syndEntries.size() - i;
                skipped += rest;
                LOG.warn("event=entries_truncated source={} max_entries={} dropped={}", sourceId, limits.maxEntries(), rest);
                break;
            }
            SyndEntry e = syndEntries.get(i);
            Element element = aligned ? elements.get(i) : null;
            FeedEntry entry = toEntry(sourceId, e, element, feedLang, assumedZone, base, fetched);
            if (entry == null) {
                skipped++;
                LOG.warn("event=entry_skipped source={} reason=empty_entry index={}", sourceId, i);
                continue;
            }
            if (seen.add(entry.dedupeKey())) {
                entries.add(entry);
            }
        }
        return new ParsedFeed(FeedText.truncate(FeedText.clean(feed.getTitle()), limits.maxTitleChars()), feed.getFeedType(), feedLang,
                decoded.charset().name(), entries, skipped, repairs);
    }

    /** Null for a phantom entry with no link, guid, title or text. */
    private FeedEntry toEntry(String sourceId, SyndEntry e, Element element, String feedLang, ZoneId assumedZone,
                             URI base, Instant fetched) {
        String link = resolve(sourceId, firstLink(e), base);
        String guid = FeedText.truncate(FeedText.blankToNull(e.getUri()), MAX_LINK_CHARS);
        String title = FeedText.truncate(FeedText.clean(e.getTitle()), limits.maxTitleChars());
        String summary = FeedText.truncate(FeedText.clean(text(e.getDescription())), limits.maxTextChars());
        String content = FeedText.truncate(FeedText.clean(contents(e.getContents())), limits.maxTextChars());
        if (link == null && guid == null && title == null && summary == null && content == null) {
            return null;
        }
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        Instant published = date == null ? null : date.toInstant();
        if (published == null && element != null) {
            published = FeedDates.parse(rawDate(element), assumedZone).orElse(null);
        }
        String lang = feedLang;
        if (element != null) {
            String entryLang = FeedText.blankToNull(element.getAttributeValue("lang", Namespace.XML_NAMESPACE));
            lang = entryLang != null ? entryLang : feedLang;
        }
        List<String> categories = e.getCategories().stream().map(SyndCategory::getName)
                .map(FeedText::clean).filter(c -> c != null)
                .map(c -> FeedText.truncate(c, MAX_CATEGORY_CHARS)).distinct().limit(MAX_CATEGORIES).toList();
        return new FeedEntry(link, guid, title, summary, content, published == null ? fetched : published,
                published == null, lang, categories);
    }

    /** FeedBurner's original link, else the entry link, else an http(s) guid, else the first Atom link. */
    private static String firstLink(SyndEntry e) {
        for (Element foreign : e.getForeignMarkup()) {
            if (foreign.getName().equals("origLink") && !foreign.getTextTrim().isEmpty()) {
                return foreign.getTextTrim();
            }
        }
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink();
        }
        String uri = e.getUri();
        if (uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) {
            return uri;
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && !l.getHref().isBlank()) {
                return l.getHref();
            }
        }
        return null;
    }

    /** The absolute link, the raw link when it cannot be resolved but is already absolute, or null. */
    private static String resolve(String sourceId, String link, URI base) {
        if (link == null) {
            return null;
        }
        String trimmed = link.strip().replace(" ", "%20");
        if (trimmed.isEmpty() || trimmed.length() > MAX_LINK_CHARS) {
            return null;
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.isAbsolute() || base == null) {
                return uri.toString();
            }
            return base.resolve(uri).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException bad) {
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return trimmed;
            }
            LOG.warn("event=link_unresolvable source={} link=\"{}\" reason=\"{}\"", sourceId, trimmed, bad.getMessage());
            return null;
        }
    }

    /** The item/entry elements in document order, as Rome lists its entries. */
    static List<Element> entryElements(Element root) {
        List<Element> found = new ArrayList<>();
        String name = root.getName();
        if (name.equals("feed")) {
            collect(root, "entry", found);
        } else {
            collect(root, "item", found);
            for (Element child : root.getChildren()) {
                if (child.getName().equals("channel")) {
                    collect(child, "item", found);
                }
            }
            if (name.equals("rss")) {
                // RSS 0.9x/2.0: Rome reads channel items only
                found.removeIf(e -> e.getParentElement() == root);
            }
        }
        return found;
    }

    private static void collect(Element parent, String localName, List<Element> into) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(localName)) {
                into.add(child);
            }
        }
    }

    private static String rawDate(Element element) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : element.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    return child.getTextTrim();
                }
            }
        }
        return null;
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

}
