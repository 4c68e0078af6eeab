package org.policyradar.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Text-level repairs on a decoded feed, before an XML parser sees it.
 *
 * <p>{@link #prepare} is always applied: it removes what only ever breaks parsing or is unsafe (a BOM character,
 * control characters XML 1.0 forbids, the XML declaration, which means nothing once the text is decoded and is illegal
 * when anything precedes it, and the DOCTYPE, so that no parser ever resolves an external DTD or entity, or expands
 * an internal entity: XXE and entity bombs are removed at the root instead of relying on parser settings alone).
 *
 * <p>{@link #fixEntities} is applied only when strict parsing failed: HTML named entities ({@code &nbsp;},
 * {@code &eacute;} — undeclared in XML, and without the DOCTYPE that may have declared them) become numeric
 * references, unknown entities and bare ampersands become {@code &amp;}. CDATA sections and comments are left alone.
 */
final class XmlTextRepair {
    private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml\\s[^>]*?\\?>|<\\?xml\\?>");
    private static final int DECLARATION_SCAN_CHARS = 2048;

    /** BOM, illegal characters, XML declaration and DOCTYPE removed. */
    String prepare(String text) {
        String s = text;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        s = stripIllegalXmlChars(s);
        Matcher declaration = XML_DECLARATION.matcher(s);
        declaration.region(0, Math.min(s.length(), DECLARATION_SCAN_CHARS));
        if (declaration.find()) {
            s = s.substring(0, declaration.start()) + s.substring(declaration.end());
        }
        s = removeDoctype(s);
        return s.strip();
    }

    /** XML 1.0 forbids most C0 controls; real feeds contain them and the parser would reject the whole feed. */
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

    /**
     * Removes a {@code <!DOCTYPE ...>} (internal subset in brackets and quotes respected) from the prolog, i.e. before
     * the root element; the same characters inside the document (an HTML page quoted in a CDATA section) are content
     * and stay.
     */
    static String removeDoctype(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    return s;
                }
                i = end + 3;
            } else if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) {
                    return s;
                }
                i = end + 2;
            } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(s, i + 9);
                // An unterminated DOCTYPE swallows the rest: nothing after it could be trusted to be markup anyway.
                return s.substring(0, i) + (end < n ? s.substring(end + 1) : "");
            } else {
                return s; // the root element (or text): no DOCTYPE in the prolog
            }
        }
        return s;
    }

    /** Index of the '>' closing a DOCTYPE whose body starts at {@code from}, or the text length. */
    private static int doctypeEnd(String s, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    /** Named HTML entities to numeric references; unknown entities and bare ampersands escaped. */
    String fixEntities(String s) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("<![CDATA[", i)) {
                int end = s.indexOf("]]>", i);
                int stop = end < 0 ? n : end + 3;
                out.append(s, i, stop);
                i = stop;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                int stop = end < 0 ? n : end + 3;
                out.append(s, i, stop);
                i = stop;
            } else if (s.charAt(i) == '&') {
                i = appendReference(s, i, out);
            } else {
                out.append(s.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** Appends the repaired reference starting at the '&' at {@code i}; returns the index after what was consumed. */
    private static int appendReference(String s, int i, StringBuilder out) {
        int semicolon = -1;
        for (int k = i + 1; k < s.length() && k - i <= 40; k++) {
            char c = s.charAt(k);
            if (c == ';') {
                semicolon = k;
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#' || c == '_' || c == '-' || c == '.')) {
                break;
            }
        }
        if (semicolon < 0) {
            out.append("&amp;");
            return i + 1;
        }
        String name = s.substring(i + 1, semicolon);
        if (name.startsWith("#")) {
            int codePoint = numericReference(name);
            if (codePoint < 0) {
                out.append("&amp;");
                return i + 1;
            }
            if (isLegalXmlChar(codePoint)) {
                out.append("&#").append(codePoint).append(';');
            }
            return semicolon + 1;
        }
        switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> {
                out.append('&').append(name).append(';');
                return semicolon + 1;
            }
            default -> {
                // entity lookup is case-sensitive in HTML; feeds also write &NBSP; so try lower case too
                String value = Entities.isNamedEntity(name) ? Entities.getByName(name)
                        : Entities.isNamedEntity(name.toLowerCase(Locale.ROOT)) ? Entities.getByName(name.toLowerCase(Locale.ROOT)) : "";
                if (value.isEmpty()) {
                    out.append("&amp;");
                    return i + 1;
                }
                value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                return semicolon + 1;
            }
        }
    }

    private static int numericReference(String name) {
        try {
            if (name.length() > 2 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')) {
                return Integer.parseInt(name.substring(2), 16);
            }
            return Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isLegalXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
