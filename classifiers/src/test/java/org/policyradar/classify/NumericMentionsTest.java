package org.policyradar.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NumericMentionsTest {

    private final NumericMentions numbers = new NumericMentions();

    @Test
    void findsMoneyPercentagesAndYearsInEnglishAndChinese() {
        List<Signal> en = numbers.find("text", "Huawei got US$1.4 billion, 70% more than in 2019; EUR 2bn by 2030 and 3 per cent.");
        assertThat(en).extracting(Signal::kind, Signal::term).containsExactly(
                org.assertj.core.groups.Tuple.tuple("money", "US$1.4 billion"),
                org.assertj.core.groups.Tuple.tuple("money", "EUR 2bn"),
                org.assertj.core.groups.Tuple.tuple("percent", "70%"),
                org.assertj.core.groups.Tuple.tuple("percent", "3 per cent"),
                org.assertj.core.groups.Tuple.tuple("year", "2019"),
                org.assertj.core.groups.Tuple.tuple("year", "2030"));
        List<Signal> zh = numbers.find("text", "到2025年投入500亿元人民币，增长百分之十二，占12.5％。");
        assertThat(zh).extracting(Signal::term).containsExactly("500亿元人民币", "百分之十二", "12.5％", "2025年");
    }

    @Test
    void skippingImpossibleStartsFindsExactlyWhatFindFinds() {
        // pieces that start, end or break a match: currency codes inside words (aUS$5, xEUR), \b before years, digits
        // glued to letters, Chinese units and full-width percent signs
        String[] pieces = {"US$", "us$", "HK$", "A$", "c$", "NT$", "$", "€", "£", "¥", "RMB", "usd", "Eur", "CNY", "1", "2", "0",
                "19", "20", "2025", "1958", "1949", ",", ".", " ", "  ", "%", "％", "per cent", "percent", "pc", "个百分点",
                "百分之", "十二", "点", "billion", "bn", "m", "k", "million", "dollars", "yuan", "亿", "万", "元", "美元", "年",
                "a", "x", "S", "U", "-", "\n", "的", "Huawei"};
        Random random = new Random(20261129);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThat(numbers.find("f", t)).as("text <%s>", t).isEqualTo(reference(t));
        }
    }

    private static List<Signal> reference(String text) {
        List<Signal> out = new ArrayList<>();
        scan(out, "money", NumericMentions.MONEY, text);
        scan(out, "percent", NumericMentions.PERCENT, text);
        scan(out, "year", NumericMentions.YEAR, text);
        return out;
    }

    private static void scan(List<Signal> out, String kind, Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Signal(kind, m.group(), "f", m.start(), m.end()));
        }
    }
}
