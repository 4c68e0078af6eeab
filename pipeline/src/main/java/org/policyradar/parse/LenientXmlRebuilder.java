package org.policyradar.parse;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Last resort for feeds that are not well-formed XML (unclosed or truncated elements, stray '&lt;', incomplete CDATA):
 * Jsoup's XML parser never fails, closes whatever is open at the end, and writes well-formed XML back out. Namespace
 * prefixes whose declaration was lost get a placeholder declaration so that the strict parser accepts the result.
 */
final class LenientXmlRebuilder {

    String rebuild(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        doc.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        Element root = doc.children().first();
        if (root == null) {
            return "";
        }
        declareMissingPrefixes(root);
        return root.outerHtml();
    }

    private static void declareMissingPrefixes(Element root) {
        Set<String> used = new LinkedHashSet<>();
        for (Element e : root.getAllElements()) {
            addPrefix(e.tagName(), used);
            for (Attribute a : e.attributes()) {
                if (!a.getKey().startsWith("xmlns")) {
                    addPrefix(a.getKey(), used);
                }
            }
        }
        for (String prefix : used) {
            if (prefix.equals("xml") || declared(root, prefix)) {
                continue;
            }
            root.attr("xmlns:" + prefix, "urn:policyradar:undeclared:" + prefix);
        }
    }

    private static boolean declared(Element root, String prefix) {
        for (Element e : root.getAllElements()) {
            if (e.hasAttr("xmlns:" + prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void addPrefix(String name, Set<String> used) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            used.add(name.substring(0, colon));
        }
    }
}
