package org.policyradar.alert;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Escaping for the channels. Item titles, summaries and diffs come from the sources and may contain markup: in the
 * HTML mail part they are HTML-escaped, in Slack/Teams {@code text} the three characters Slack's message format
 * reserves ({@code & < >}) are written as entities, and the raw webhook JSON carries {@code < > & '} as
 * {@code \\u} escapes.
 */
final class AlertHtml {
    /** Jackson escapes that keep {@code <script>} and friends out of the raw JSON bytes. */
    static final CharacterEscapes JSON_ESCAPES = new CharacterEscapes() {
        private final int[] codes;

        {
            codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['&'] = CharacterEscapes.ESCAPE_STANDARD;
            codes['\''] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private AlertHtml() {
    }

    /** Slack (and Teams) message text: {@code &}, {@code <}, {@code >} as entities, as Slack's formatting rules require. */
    static String chatEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A link only for http(s) URLs (a javascript: URL from a source is shown as text, never linked). */
    private static String link(String url, String escapedLabel) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return escapedLabel;
        }
        return "<a href=\"" + escape(url) + "\">" + escapedLabel + "</a>";
    }

    /** The HTML mail part: title, summary, the diff with deletions and insertions marked, items as links. */
    static String render(Alert a) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        b.append("<h2>").append(escape("[PolicyRadar " + a.type() + "] " + a.title())).append("</h2>");
        if (a.url() != null) {
            b.append("<p>").append(link(a.url(), escape(a.url()))).append("</p>");
        }
        if (a.summary() != null && !a.summary().isBlank()) {
            b.append("<p>").append(escape(a.summary().strip()).replace("\n", "<br>")).append("</p>");
        }
        if (a.diff() != null && !a.diff().isBlank()) {
            // Escaped first; the markers [- -] {+ +} contain no markup characters, so they survive and become tags.
            String diff = escape(a.diff().strip())
                    .replace("[-", "<del style=\"background:#fdd\">").replace("-]", "</del>")
                    .replace("{+", "<ins style=\"background:#dfd\">").replace("+}", "</ins>");
            b.append("<div style=\"font-family:monospace;white-space:pre-wrap\">").append(diff).append("</div>");
        }
        if (a.items() != null && !a.items().isEmpty() && !Alert.CHANGE.equals(a.type())) {
            b.append("<ul>");
            for (Alert.AlertItem i : a.items()) {
                String title = escape(i.title() == null ? "(untitled)" : i.title());
                b.append("<li>");
                b.append(link(i.url(), title));
                if (i.source() != null) {
                    b.append(" [").append(escape(i.source())).append(']');
                }
                b.append("</li>");
            }
            b.append("</ul>");
        }
        if (a.kibanaUrl() != null) {
            b.append("<p>").append(link(a.kibanaUrl(), "Open in Kibana")).append("</p>");
        }
        return b.append("</body></html>").toString();
    }
}
