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
    private static final Pattern MONEY = Pattern.compile(
            "(?:(?:US|HK|A|C|S|NT)?\\$|€|£|¥|RMB|USD|EUR|CNY)\\s?(?:" + NUM + ")(?:\\s?(?:bn|billion|mn|million|trillion|m|k)\\b)?"
                    + "|(?:" + NUM + ")\\s?(?:billion|million|trillion)?\\s?(?:dollars|euros|yuan|pounds|renminbi)\\b"
                    + "|(?:" + NUM + ")(?:万亿|亿|万|千)?(?:元人民币|美元|欧元|英镑|港元|港币|日元|元)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile(
            "(?:" + NUM + ")\\s?(?:%|％|per\\s?cent\\b|percent\\b|pc\\b|个百分点)|百分之[零一二三四五六七八九十百点]+");
    private static final Pattern YEAR = Pattern.compile("\\b(?:19[5-9]\\d|20[0-9]\\d)(?:年)?(?![\\d%％])");

    List<Signal> find(String field, String text) {
        List<Signal> out = new ArrayList<>();
        add(out, "money", MONEY, field, text);
        add(out, "percent", PERCENT, field, text);
        add(out, "year", YEAR, field, text);
        return out;
    }

    private static void add(List<Signal> out, String kind, Pattern p, String field, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Signal(kind, m.group(), field, m.start(), m.end()));
        }
    }
}
