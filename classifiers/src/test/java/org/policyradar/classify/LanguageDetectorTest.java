package org.policyradar.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Pure Java, no CoreNLP: fast. */
class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector(ChineseScript.load());

    @ParameterizedTest(name = "{2} declared {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            The government announced new rules for the technology sector on Tuesday.                                   | null  | en
            Die Bundesregierung hat am Dienstag neue Regeln für die Digitalwirtschaft beschlossen, die auch für Plattformen gelten. | null  | de
            Le gouvernement a présenté mardi une loi sur la cybersécurité pour les entreprises et les administrations.  | null  | fr
            国务院常务会议部署推进数字经济发展的政策措施                                                                 | null  | zh
            香港政府宣布撥款支持本地創科發展，並會與業界緊密合作                                                         | null  | zh-Hant
            香港政府宣布撥款支持本地創科發展，並會與業界緊密合作                                                         | zh-CN | zh-Hant
            The government announced new rules for the technology sector on Tuesday.                                   | zh-CN | en
            Die Bundesregierung hat am Dienstag neue Regeln für die Digitalwirtschaft beschlossen.                     | en    | de
            国务院常务会议部署推进数字经济发展的政策措施                                                                 | en    | zh
            AI助力 我国手机行业攀高向优                                                                                   | null  | zh
            中移動少賺0.5% 前景展望遜聯通半年5G上客7020萬                                                                 | zh-CN | zh-Hant
            Huawei Mate 60 Pro                                                                                         | de    | de
            Huawei Mate 60 Pro                                                                                         | null  | en
            """)
    void detectsLanguageAndOverridesWrongDeclarations(String text, String declared, String expected) {
        assertThat(detector.detect(text, declared)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"網絡安全,网络安全", "區塊鏈,区块链", "ＡＩ與５Ｇ,AI与5G"})
    void traditionalToSimplifiedKeepsLength(String traditional, String simplified) {
        assertThat(ChineseScript.load().toSimplified(traditional)).isEqualTo(simplified).hasSameSizeAs(traditional);
    }
}
