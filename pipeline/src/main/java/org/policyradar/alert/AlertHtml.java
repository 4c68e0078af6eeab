package org.policyradar.alert;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Escaping for the chat channels. Item titles, summaries and diffs come from the sources and may contain markup: in
 * the HTML mail part the templates escape them ({@link MailTemplates}), in Slack/Teams {@code text} the three characters Slack's message format
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
}
