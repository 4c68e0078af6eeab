package org.policyradar.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
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
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.policyradar.fetch.ContentDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome, on bytes we decompress and decode ourselves ({@link FeedDecoder}).
 *
 * <p>Steps: gunzip bodies that still carry the gzip magic number; decode; {@link XmlTextRepair#prepare} (no
 * DOCTYPE ever reaches a parser); parse strictly with {@link SecureXmlReader}; if that fails, repair entities and
 * bare ampersands and try again; if that fails too, rebuild the document with {@link LenientXmlRebuilder}. A feed
 * that needed the rebuild and still yields no entry is reported as an error rather than as an empty feed, because a
 * truncated response must not look like a feed with nothing new.
 *
 * <p>Entries: duplicates (same {@link FeedEntry#dedupeKey()}) are kept once, empty phantom entries are skipped,
 * FeedBurner's {@code origLink} is preferred to the proxy link, dates Rome cannot read are parsed from the raw element
 * text by {@link FeedDates}, and entries without any date get the fetch time with {@code publishedEstimated=true}.
 */
public final class RomeFeedParser implements FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(RomeFeedParser.class);
    private static final Pattern C1_CONTROLS = Pattern.compile("[\\u0080-\\u009F]");
    private static final ZoneId CHINA = ZoneOffset.ofHours(8);
    private static final int MAX_LINK_CHARS = 4096;
    private static final int MAX_CATEGORIES = 50;
    private static final int MAX_CATEGORY_CHARS = 200;
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "date", "issued", "created", "updated", "modified");

    /**
     * Bounds on what one feed may produce.
     *
     * @param maxEntries       entries kept per feed; the rest are counted as skipped
     * @param maxTitleChars    longer titles are cut
     * @param maxTextChars     longer summaries and contents are cut
     * @param maxInflatedBytes a gzip body that inflates to more is refused
     */
    public record Limits(int maxEntries, int maxTitleChars, int maxTextChars, long maxInflatedBytes) {
        public static Limits defaults() {
            // 50,000 entries: an archive feed's first poll; memory stays bounded by the 64 MB of inflated bytes.
            return new Limits(50_000, 1000, 200_000, 64L * 1024 * 1024);
        }
    }

    private final FeedDecoder decoder;
    private final Limits limits;
    private final XmlTextRepair textRepair = new XmlTextRepair();
    private final SecureXmlReader xmlReader = new SecureXmlReader();
    private final LenientXmlRebuilder lenient = new LenientXmlRebuilder();

    public RomeFeedParser(FeedDecoder decoder) {
        this(decoder, Limits.defaults());
    }

    public RomeFeedParser(FeedDecoder decoder, Limits limits) {
        this.decoder = decoder;
        this.limits = limits;
    }

    @Override
    public ParsedFeed parse(String sourceId, byte[] body, String contentType, String charsetOverride, URI base, Instant fetched)
            throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(sourceId, "empty response body", null);
        }
        List<String> repairs = new ArrayList<>();
        byte[] bytes = gunzip(sourceId, body, repairs);
        FeedDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(bytes, contentType, charsetOverride);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException(sourceId, "cannot decode: " + e.getMessage(), e);
        }
        if (decoded.mojibakeRepaired()) {
            repairs.add("mojibake");
        }
        String xml = textRepair.prepare(decoded.text());
        if (xml.isEmpty() || xml.charAt(0) != '<') {
            throw new FeedParseException(sourceId, "not XML: the body does not start with markup (charset "
                    + decoded.charset().name() + ")", null);
        }
        Document document = readDocument(sourceId, xml, repairs);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(sourceId, "not an RSS/Atom/RDF feed (root element <"
                    + document.getRootElement().getQualifiedName() + ">): " + e.getMessage(), e);
        }
        ParsedFeed parsed = toParsedFeed(sourceId, feed, document, decoded, base, fetched, repairs);
        if (parsed.entries().isEmpty() && repairs.contains("lenient_xml")) {
            throw new FeedParseException(sourceId, "not well-formed XML (truncated or broken) and no entry could be"
                    + " recovered", null);
        }
        LOG.debug("event=feed_parsed source={} type={} charset={} charset_source={} entries={} skipped={} repairs={}",
                sourceId, parsed.feedType(), parsed.encoding(), decoded.charsetSource(), parsed.entries().size(),
                parsed.skipped(), repairs);
        return parsed;
    }

    private byte[] gunzip(String sourceId, byte[] body, List<String> repairs) throws FeedParseException {
        if (!ContentDecoding.looksGzipped(body)) {
            return body;
        }
        try {
            byte[] inflated = ContentDecoding.gunzipIfMagic(body, limits.maxInflatedBytes());
            repairs.add("gunzip");
            LOG.info("event=feed_gunzipped source={} compressed_bytes={} bytes={}", sourceId, body.length, inflated.length);
            return inflated;
        } catch (IOException e) {
            throw new FeedParseException(sourceId, "body starts like gzip but cannot be inflated: " + e.getMessage(), e);
        }
    }

    /** Strict first; then with entities repaired; then rebuilt leniently. */
    private Document readDocument(String sourceId, String xml, List<String> repairs) throws FeedParseException {
        Exception first;
        try {
            return xmlReader.read(xml);
        } catch (JDOMException | IOException e) {
            first = e;
        }
        String fixed = textRepair.fixEntities(xml);
        try {
            Document document = xmlReader.read(fixed);
            repairs.add("entities");
            LOG.info("event=feed_repaired source={} repair=entities reason=\"{}\"", sourceId, oneLine(first));
            return document;
        } catch (JDOMException | IOException e) {
            // fall through to the lenient rebuild
        }
        try {
            Document document = xmlReader.read(lenient.rebuild(fixed));
            repairs.add("entities");
            repairs.add("lenient_xml");
            LOG.warn("event=feed_repaired source={} repair=lenient_xml reason=\"{}\"", sourceId, oneLine(first));
            return document;
        } catch (JDOMException | IOException | RuntimeException e) {
            throw new FeedParseException(sourceId, "not well-formed XML: " + oneLine(first), first);
        }
    }

    private ParsedFeed toParsedFeed(String sourceId, SyndFeed feed, Document document, FeedDecoder.Decoded decoded,
                                    URI base, Instant fetched, List<String> repairs) {
        String feedLang = blankToNull(feed.getLanguage());
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
        return new ParsedFeed(truncate(clean(feed.getTitle()), limits.maxTitleChars()), feed.getFeedType(), feedLang,
                decoded.charset().name(), entries, skipped, repairs);
    }

    /** Null for a phantom entry with no link, guid, title or text. */
    private FeedEntry toEntry(String sourceId, SyndEntry e, Element element, String feedLang, ZoneId assumedZone,
                             URI base, Instant fetched) {
        String link = resolve(sourceId, firstLink(e), base);
        String guid = truncate(blankToNull(e.getUri()), MAX_LINK_CHARS);
        String title = truncate(clean(e.getTitle()), limits.maxTitleChars());
        String summary = truncate(clean(text(e.getDescription())), limits.maxTextChars());
        String content = truncate(clean(contents(e.getContents())), limits.maxTextChars());
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
            String entryLang = blankToNull(element.getAttributeValue("lang", Namespace.XML_NAMESPACE));
            lang = entryLang != null ? entryLang : feedLang;
        }
        List<String> categories = e.getCategories().stream().map(SyndCategory::getName)
                .map(RomeFeedParser::clean).filter(c -> c != null)
                .map(c -> truncate(c, MAX_CATEGORY_CHARS)).distinct().limit(MAX_CATEGORIES).toList();
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

    /**
     * Feed titles and descriptions are often escaped HTML: keep the text only. C1 control characters never belong in
     * text; they are what is left of broken double encodings.
     */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String text = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? Jsoup.parse(s).text() : s;
        text = C1_CONTROLS.matcher(text.replace('\u00A0', ' ')).replaceAll("").strip();
        return text.isEmpty() ? null : text;
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replace('\n', ' ').replace('"', '\'');
    }
}
