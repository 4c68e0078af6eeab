package org.policyradar.parse;

import java.io.IOException;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.policyradar.fetch.ContentDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed body as an XML document: gunzipped when it still carries the gzip magic number, then parsed strictly with
 * {@link SecureXmlReader}, again with entities and bare ampersands repaired, and at last rebuilt by
 * {@link LenientXmlRebuilder}. Each repair is recorded for the parse's log line.
 */
final class FeedDocumentReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedDocumentReader.class);

    private final long maxInflatedBytes;
    private final XmlTextRepair textRepair;
    private final SecureXmlReader xmlReader = new SecureXmlReader();
    private final LenientXmlRebuilder lenient = new LenientXmlRebuilder();

    FeedDocumentReader(long maxInflatedBytes, XmlTextRepair textRepair) {
        this.maxInflatedBytes = maxInflatedBytes;
        this.textRepair = textRepair;
    }

    byte[] gunzip(String sourceId, byte[] body, List<String> repairs) throws FeedParseException {
        if (!ContentDecoding.looksGzipped(body)) {
            return body;
        }
        try {
            byte[] inflated = ContentDecoding.gunzipIfMagic(body, maxInflatedBytes);
            repairs.add("gunzip");
            LOG.info("event=feed_gunzipped source={} compressed_bytes={} bytes={}", sourceId, body.length, inflated.length);
            return inflated;
        } catch (IOException e) {
            throw new FeedParseException(sourceId, "body starts like gzip but cannot be inflated: " + e.getMessage(), e);
        }
    }

    /** Strict first; then with entities repaired; then rebuilt leniently. */
    Document readDocument(String sourceId, String xml, List<String> repairs) throws FeedParseException {
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

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replace('\n', ' ').replace('"', '\'');
    }
}
