package org.policyradar.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
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
 * <p>The document is read by {@link FeedDocumentReader}; its entries are mapped by {@link FeedEntryMapper}.
 */
public final class RomeFeedParser implements FeedParser {
    private static final Logger LOG = LoggerFactory.getLogger(RomeFeedParser.class);

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
    private final FeedDocumentReader documents;
    private final FeedEntryMapper entries;

    public RomeFeedParser(FeedDecoder decoder) {
        this(decoder, Limits.defaults());
    }

    public RomeFeedParser(FeedDecoder decoder, Limits limits) {
        this.decoder = decoder;
        this.limits = limits;
        this.documents = new FeedDocumentReader(limits.maxInflatedBytes(), textRepair);
        this.entries = new FeedEntryMapper(limits);
    }

    @Override
    public ParsedFeed parse(String sourceId, byte[] body, String contentType, String charsetOverride, URI base, Instant fetched)
            throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(sourceId, "empty response body", null);
        }
        List<String> repairs = new ArrayList<>();
        byte[] bytes = documents.gunzip(sourceId, body, repairs);
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
        Document document = documents.readDocument(sourceId, xml, repairs);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(sourceId, "not an RSS/Atom/RDF feed (root element <"
                    + document.getRootElement().getQualifiedName() + ">): " + e.getMessage(), e);
        }
        ParsedFeed parsed = entries.toParsedFeed(sourceId, feed, document, decoded, base, fetched, repairs);
        if (parsed.entries().isEmpty() && repairs.contains("lenient_xml")) {
            throw new FeedParseException(sourceId, "not well-formed XML (truncated or broken) and no entry could be"
                    + " recovered", null);
        }
        LOG.debug("event=feed_parsed source={} type={} charset={} charset_source={} entries={} skipped={} repairs={}",
                sourceId, parsed.feedType(), parsed.encoding(), decoded.charsetSource(), parsed.entries().size(),
                parsed.skipped(), repairs);
        return parsed;
    }
}
