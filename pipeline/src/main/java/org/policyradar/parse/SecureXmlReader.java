package org.policyradar.parse;

import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * Parses decoded feed text into a JDOM document (what Rome works on) with everything that reaches outside the
 * document switched off: no DOCTYPE at all, no external general or parameter entities, no external DTD loading, and an
 * entity resolver that answers every request with nothing. {@link XmlTextRepair#prepare} already removed any DOCTYPE;
 * these settings are the second wall. A new builder per document: SAXBuilder is not thread-safe.
 */
final class SecureXmlReader {

    Document read(String xml) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder.build(new StringReader(xml));
    }
}
