package org.policyradar.parse;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** The text a feed's titles, descriptions and categories are reduced to before they become an entry. */
final class FeedText {
    private static final Pattern C1_CONTROLS = Pattern.compile("[\\u0080-\\u009F]");

    private FeedText() {
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
