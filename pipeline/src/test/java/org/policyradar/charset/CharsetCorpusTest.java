package org.policyradar.charset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.parse.FeedDecoder;
import org.policyradar.testing.SharedCorpus;

/**
 * The one detector ({@link CharsetGuesser}) against its parts on the corpus: ICU4J alone, and our former rule alone
 * (valid UTF-8, else the GB18030/Big5 rule, else windows-1252, what {@code FeedDecoder} did; {@code HtmlDecoder} had
 * windows-1252 only). A decode is correct when the text a reader must see comes out: EXPECTED.tsv's title for a feed,
 * the longest line of a page's expected text.
 */
class CharsetCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Charset icuAlone(byte[] bytes) {
        CharsetDetector d = new CharsetDetector();
        d.setText(bytes);
        CharsetMatch m = d.detect();
        Charset cs = m == null ? null : Charsets.forLabel(m.getName());
        return cs == null ? Charsets.WINDOWS_1252 : cs;
    }

    private static Charset formerRule(byte[] bytes) {
        if (Charsets.isValidUtf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        Charset cjk = new CjkCharsetDetector().detect(bytes);
        return cjk == null ? Charsets.WINDOWS_1252 : cjk;
    }

    private record Sample(String file, byte[] bytes, String mustSee, boolean page) {
    }

    @Test
    void everyCorpusFeedAndPageDecodesAtLeastAsWellAsBefore() throws IOException {
        Path corpus = SharedCorpus.required("corpus");
        List<Sample> samples = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("feeds/EXPECTED.tsv"), StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            String title = c[0].equals("nasty_big5_no_decl.xml") ? "成中文，并有助于改" : c.length > 2 ? c[2] : "";
            if (!c[0].equals("file") && !title.isBlank()) {
                samples.add(new Sample(c[0], Files.readAllBytes(corpus.resolve("feeds").resolve(c[0])), title, false));
            }
        }
        try (Stream<Path> files = Files.list(corpus.resolve("html"))) {
            for (Path expected : files.filter(p -> p.toString().endsWith(".expected.txt")).sorted().toList()) {
                String longest = Files.readAllLines(expected, StandardCharsets.UTF_8).stream().map(String::strip)
                        .max(Comparator.comparingInt(String::length)).orElseThrow();
                String page = expected.getFileName().toString().replace(".expected.txt", ".html");
                samples.add(new Sample(page, Files.readAllBytes(expected.resolveSibling(page)), norm(longest.substring(0, Math.min(60, longest.length()))), true));
            }
        }
        FeedDecoder feeds = new FeedDecoder();
        HtmlDecoder pages = new HtmlDecoder();
        CharsetGuesser guesser = new CharsetGuesser();
        Map<String, Function<Sample, String>> ways = new TreeMap<>(Map.of(
                "1 decoder as used (FeedDecoder/HtmlDecoder)", s -> s.page() ? pages.decode(s.bytes(), null, null) : feeds.decode(s.bytes(), null, null).text(),
                "2 detection only: CharsetGuesser", s -> new String(s.bytes(), guesser.guess(s.bytes())),
                "3 detection only: ICU4J alone", s -> new String(s.bytes(), icuAlone(s.bytes())),
                "4 detection only: former rule", s -> new String(s.bytes(), formerRule(s.bytes()))));
        Map<String, List<String>> wrong = new TreeMap<>();
        ways.forEach((name, way) -> wrong.put(name, samples.stream().filter(s -> !readable(s, way.apply(s))).map(Sample::file).toList()));
        wrong.forEach((name, files) -> System.out.printf("charset corpus: %s correct=%d/%d wrong=%s%n",
                name, samples.size() - files.size(), samples.size(), files));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(40);
        // the gzip bytes are not text in any charset
        assertThat(wrong.get("1 decoder as used (FeedDecoder/HtmlDecoder)")).containsExactly("nasty_gzip_bytes_as_xml.xml");
        assertThat(wrong.get("2 detection only: CharsetGuesser")).containsExactly("nasty_gzip_bytes_as_xml.xml");
    }

    private static boolean readable(Sample s, String decoded) {
        String text = s.page() ? Jsoup.parse(decoded).text() : Parser.unescapeEntities(Parser.unescapeEntities(decoded, false), false);
        return norm(text).contains(norm(s.mustSee()));
    }

    private static String norm(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    /**
     * Short texts, the hard case: every labelled item's title and summary re-encoded as its sources would (Chinese in
     * GB18030 and Big5-HKSCS, German and French in windows-1252), each decoded by what the detectors guess.
     */
    @Test
    void labelledItemsReEncodedAreDetectedBetterThanByEitherPartAlone() throws IOException {
        Path labels = SharedCorpus.required("corpus/labels");
        Map<String, int[]> counts = new TreeMap<>(); // n, guesser, icu, former, then guesser at Latin confidence 30..70
        for (String line : Files.readAllLines(labels.resolve("dev.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode item = JSON.readTree(line);
            String text = item.path("title").asText() + " " + item.path("summary").asText();
            List<String> charsets = switch (item.path("lang").asText()) {
                case "zh", "zh-Hant" -> List.of("GB18030", "Big5-HKSCS");
                case "de", "fr" -> List.of("windows-1252");
                default -> List.of();
            };
            for (String name : charsets) {
                Charset cs = Charset.forName(name);
                byte[] bytes = text.getBytes(cs);
                if (!cs.newEncoder().canEncode(text) || Charsets.isValidUtf8(bytes)) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(item.path("lang").asText() + " in " + name, k -> new int[8]);
                c[0]++;
                c[1] += text.equals(new String(bytes, new CharsetGuesser().guess(bytes))) ? 1 : 0;
                c[2] += text.equals(new String(bytes, icuAlone(bytes))) ? 1 : 0;
                c[3] += text.equals(new String(bytes, formerRule(bytes))) ? 1 : 0;
                for (int t = 0; t < 4; t++) {
                    c[4 + t] += text.equals(new String(bytes, new CharsetGuesser(30 + 10 * t + (t > 1 ? 10 : 0)).guess(bytes))) ? 1 : 0;
                }
            }
        }
        int[] total = new int[8];
        counts.forEach((k, c) -> {
            System.out.printf("charset labels: %-22s n=%d guesser=%d icu_alone=%d former_rule=%d guesser_at_30/40/60/70=%d/%d/%d/%d%n",
                    k, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
            for (int i = 0; i < 8; i++) total[i] += c[i];
        });
        System.out.printf("charset labels: total n=%d guesser=%d icu_alone=%d former_rule=%d%n", total[0], total[1], total[2], total[3]);
        assertThat(total[0]).isGreaterThan(600);
        assertThat(total[1]).isGreaterThanOrEqualTo(Math.max(total[2], total[3]));
    }
}
