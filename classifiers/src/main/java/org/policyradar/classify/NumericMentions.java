package org.policyradar.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money amounts, percentages and years, found with regular expressions over the field text: numbers are not
 * taxonomy terms, and no NER model is loaded (it would cost ~30x the tokenizer's time).
 */
final class NumericMentions {

    private static final String NUM = "\\d[\\d,.]*\\d|\\d";
    static final Pattern MONEY = Pattern.compile(
            "(?:(?:US|HK|A|C|S|NT)?\\$|€|£|¥|RMB|USD|EUR|CNY)\\s?(?:" + NUM + ")(?:\\s?(?:bn|billion|mn|million|trillion|m|k)\\b)?"
                    + "|(?:" + NUM + ")\\s?(?:billion|million|trillion)?\\s?(?:dollars|euros|yuan|pounds|renminbi)\\b"
                    + "|(?:" + NUM + ")(?:万亿|亿|万|千)?(?:元人民币|美元|欧元|英镑|港元|港币|日元|元)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PERCENT = Pattern.compile(
            "(?:" + NUM + ")\\s?(?:%|％|per\\s?cent\\b|percent\\b|pc\\b|个百分点)|百分之[零一二三四五六七八九十百点]+");
    static final Pattern YEAR = Pattern.compile("\\b(?:19[5-9]\\d|20[0-9]\\d)(?:年)?(?![\\d%％])");

    /** Characters a match can start with; every other position is skipped without entering the regex engine. */
    interface StartFilter {
        boolean canStart(String text, int i);
    }

    private static final String[] MONEY_PREFIXES = {"US$", "HK$", "NT$", "A$", "C$", "S$", "RMB", "USD", "EUR", "CNY"};
    static final StartFilter MONEY_START = (text, i) -> {
        char c = text.charAt(i);
        if (isAsciiDigit(c) || c == '$' || c == '€' || c == '£' || c == '¥') return true;
        // the ASCII letters a currency prefix starts with (case-insensitive), then the prefixes themselves
        switch (c | 0x20) {
            case 'u', 'h', 'n', 'a', 'c', 's', 'r', 'e' -> { }
            default -> {
                return false;
            }
        }
        for (String prefix : MONEY_PREFIXES) {
            if (text.regionMatches(true, i, prefix, 0, prefix.length())) return true;
        }
        return false;
    };
    static final StartFilter PERCENT_START = (text, i) -> isAsciiDigit(text.charAt(i)) || text.charAt(i) == '百';
    static final StartFilter YEAR_START = (text, i) -> text.charAt(i) == '1' || text.charAt(i) == '2';

    List<Signal> find(String field, String text) {
        List<Signal> out = new ArrayList<>();
        add(out, "money", MONEY, MONEY_START, field, text);
        add(out, "percent", PERCENT, PERCENT_START, field, text);
        add(out, "year", YEAR, YEAR_START, field, text);
        return out;
    }

    /**
     * What {@code while (m.find())} finds, but the engine is entered only where a match can start: {@code find()}
     * tries every position against every alternative, which the profile showed at a tenth of all classification time.
     * Transparent bounds let {@code \b} and look-ahead see past the region, so each attempt is the one find() makes.
     */
    static void add(List<Signal> out, String kind, Pattern p, StartFilter filter, String field, String text) {
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!filter.canStart(text, i)) {
                i++;
                continue;
            }
            m.region(i, n);
            if (m.lookingAt()) {
                out.add(new Signal(kind, m.group(), field, m.start(), m.end()));
                i = m.end() > i ? m.end() : i + 1;
            } else {
                i++;
            }
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
