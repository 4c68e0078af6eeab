package org.policyradar.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.charset.CharsetGuesser;

class FeedDecoderTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private final FeedDecoder decoder = new FeedDecoder();

    private static byte[] xml(String encodingDecl, String body, Charset cs) {
        String prolog = encodingDecl == null ? "<?xml version=\"1.0\"?>" : "<?xml version=\"1.0\" encoding=\"" + encodingDecl + "\"?>";
        return (prolog + "<rss><channel><title>" + body + "</title></channel></rss>").getBytes(cs);
    }

    @Test
    void theOverrideWinsOverEverything() {
        byte[] bytes = xml("utf-8", "Новости", CP1251);
        FeedDecoder.Decoded d = decoder.decode(bytes, "text/xml; charset=iso-8859-1", "windows-1251");
        assertThat(d.text()).contains("Новости");
        assertThat(d.charsetSource()).isEqualTo("override");
    }

    @Test
    void aByteOrderMarkWinsOverTheProlog() {
        byte[] body = xml("iso-8859-1", "Größe", StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        FeedDecoder.Decoded d = decoder.decode(bytes, null, null);
        assertThat(d.text()).startsWith("<?xml").contains("Größe");
        assertThat(d.charsetSource()).isEqualTo("bom");
    }

    @Test
    void thePrologWinsOverTheHttpHeaderWhichWinsOverNothing() {
        FeedDecoder.Decoded prolog = decoder.decode(xml("windows-1251", "Новости", CP1251), "text/xml; charset=ISO-8859-1", null);
        assertThat(prolog.text()).contains("Новости");
        assertThat(prolog.charsetSource()).isEqualTo("prolog");
        FeedDecoder.Decoded header = decoder.decode(xml(null, "Новости", CP1251), "application/rss+xml; charset=\"windows-1251\"", null);
        assertThat(header.text()).contains("Новости");
        assertThat(header.charsetSource()).isEqualTo("header");
    }

    @Test
    void gb2312LabelsDecodeAsGb18030SoGbkOnlyCharactersSurvive() {
        // 镕 and 喆 are outside GB2312: a strict GB2312 decoder turns them into U+FFFD
        String text = "朱镕基和张喆会见";
        FeedDecoder.Decoded d = decoder.decode(xml("gb2312", text, GB18030), null, null);
        assertThat(d.text()).contains(text);
        assertThat(d.charset()).isEqualTo(GB18030);
        assertThat(decoder.decode(xml(null, text, GB18030), "text/xml; charset=GBK", null).text()).contains(text);
    }

    @Test
    void aDeclarationTheBytesContradictIsOverruled() {
        // UTF-8 bytes labelled gb2312 (the qq.com / People's Daily trap) and GBK bytes labelled UTF-8
        String text = "国务院办公厅关于数据安全的通知";
        assertThat(decoder.decode(xml("gb2312", text, StandardCharsets.UTF_8), null, null).text()).contains(text);
        FeedDecoder.Decoded mislabelled = decoder.decode(xml("utf-8", text, GB18030), null, null);
        assertThat(mislabelled.text()).contains(text);
        assertThat(mislabelled.charsetSource()).isEqualTo("detected");
    }

    @Test
    void undeclaredChineseIsDetectedAsGbOrBig5() {
        String simplified = "国家网信办发布个人信息保护新规";
        String traditional = "香港立法會今日通過國家安全條例草案";
        FeedDecoder.Decoded gb = decoder.decode(xml(null, simplified, GB18030), null, null);
        assertThat(gb.text()).contains(simplified);
        assertThat(gb.charset()).isEqualTo(GB18030);
        FeedDecoder.Decoded big5 = decoder.decode(xml(null, traditional, BIG5), null, null);
        assertThat(big5.text()).contains(traditional);
        assertThat(big5.charset()).isEqualTo(BIG5);
    }

    @Test
    void undeclaredLatinTextFallsBackToWindows1252() {
        FeedDecoder.Decoded d = decoder.decode(xml(null, "Müller – „Zitat“", Charset.forName("windows-1252")), null, null);
        assertThat(d.text()).contains("Müller – „Zitat“");
        assertThat(d.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void doubleEncodedUtf8IsRepairedAndCorrectTextIsLeftAlone() {
        String original = "Actualités – l’État, Kältewelle, Яндекс";
        String doubled = asWindows1252(original.getBytes(StandardCharsets.UTF_8));
        assertThat(doubled).contains("Ã©");
        FeedDecoder.Decoded d = decoder.decode(xml("utf-8", doubled, StandardCharsets.UTF_8), null, null);
        assertThat(d.text()).contains(original);
        assertThat(d.mojibakeRepaired()).isTrue();
        FeedDecoder.Decoded clean = decoder.decode(xml("utf-8", "Café à l’œil, Größe ½ × 2 ©", StandardCharsets.UTF_8), null, null);
        assertThat(clean.text()).contains("Café à l’œil, Größe ½ × 2 ©");
        assertThat(clean.mojibakeRepaired()).isFalse();
    }

    /** How real double encoders read UTF-8: windows-1252, bytes it leaves undefined (0x81 in "с") as C1 controls. */
    private static String asWindows1252(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            String c = new String(new byte[] {b}, Charset.forName("windows-1252"));
            sb.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c.charAt(0));
        }
        return sb.toString();
    }

    @Test
    void anUnknownOverrideIsAnError() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {'<'}, null, "no-such-charset"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-charset");
    }

    /**
     * Detection on every Chinese title of the corpus, one title at a time (short texts are the hard case): Xinhua's
     * simplified titles re-encoded in GB18030, the Hong Kong titles in Big5-HKSCS. Skipped without the corpus.
     */
    @Test
    void detectionOnRealChineseTitlesOneByOne() throws Exception {
        Path dir = CorpusFeedsTest.corpusDir();
        RomeFeedParser parser = new RomeFeedParser(decoder);
        CharsetGuesser detector = new CharsetGuesser();
        int total = 0;
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("xinhua_china_zh.xml", "xinhua_world_zh.xml", "xinhua_tech_zh.xml", "xinhua_sports_zh.xml",
                "hk_mingpao_zh.xml", "hk_rthk_local_zh.xml", "hk_hket_zh.xml")) {
            Charset target = file.startsWith("xinhua") ? GB18030 : BIG5;
            for (FeedEntry e : parser.parse(file, read(dir, file), null, null, URI.create("https://x.test/"), Instant.EPOCH).entries()) {
                String title = e.title();
                if (!target.newEncoder().canEncode(title)) {
                    continue;
                }
                total++;
                Charset detected = detector.guess(title.getBytes(target));
                if (!target.equals(detected)) {
                    wrong.add(file + ": " + title + " -> " + detected);
                }
            }
        }
        System.out.println("cjk detection on " + total + " titles, wrong: " + wrong.size() + " " + wrong);
        assertThat(total).isGreaterThan(200);
        assertThat(wrong.size()).isLessThanOrEqualTo(total / 50);
    }

    private static byte[] read(Path dir, String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }
}
