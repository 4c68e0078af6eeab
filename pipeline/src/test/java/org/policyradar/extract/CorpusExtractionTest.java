package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.SharedCorpus;

/**
 * Main-text extraction on the real pages of the shared corpus, scored by token F1 against their expected text
 * (CJK per character, other scripts per word), and must-contain snippets where that is what the corpus gives.
 */
class CorpusExtractionTest {
    private final HtmlDecoder decoder = new HtmlDecoder();
    private final ArticleExtractor extractor = new DensityArticleExtractor();

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.toLowerCase().codePoints().forEach(c -> {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                out.add(new String(Character.toChars(c)));
            } else if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    static double f1(String got, String expected) {
        Map<String, Integer> want = new HashMap<>();
        List<String> e = tokens(expected);
        e.forEach(t -> want.merge(t, 1, Integer::sum));
        List<String> g = tokens(got);
        int common = 0;
        for (String t : g) {
            Integer n = want.get(t);
            if (n != null && n > 0) {
                common++;
                want.put(t, n - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double p = common / (double) g.size();
        double r = common / (double) e.size();
        return 2 * p * r / (p + r);
    }

    @Test
    void mainTextOfEveryCorpusPageMatchesItsExpectedText() throws Exception {
        Path dir = SharedCorpus.dir().resolve("corpus/html");
        List<String> failures = new ArrayList<>();
        double sum = 0;
        int pages = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html") && !p.toString().endsWith(".expected.html")).sorted().toList()) {
                String base = html.getFileName().toString().replaceFirst("\\.html$", "");
                Article a = extractor.extract(decoder.decode(Files.readAllBytes(html), null, null), "https://example.org/");
                Path expected = dir.resolve(base + ".expected.txt");
                Path snippets = dir.resolve(base + ".expected-snippets.txt");
                if (Files.exists(expected)) {
                    double f = f1(a.text(), Files.readString(expected));
                    sum += f;
                    pages++;
                    System.out.printf("extract %-48s F1=%.3f%n", base, f);
                    if (f < 0.85) {
                        failures.add(base + " F1=" + String.format("%.3f", f));
                    }
                } else if (Files.exists(snippets)) {
                    String text = a.text().replaceAll("\\s+", " ");
                    for (String line : Files.readAllLines(snippets)) {
                        String l = line.strip();
                        if (l.startsWith("MUST CONTAIN:") && !text.contains(l.substring(13).strip())) {
                            failures.add(base + " misses '" + l.substring(13).strip() + "'");
                        } else if (l.startsWith("MUST NOT CONTAIN:") && text.contains(l.substring(17).strip())) {
                            failures.add(base + " contains boilerplate '" + l.substring(17).strip() + "'");
                        } else if (l.startsWith("title == ") && !l.substring(9).strip().equals(a.title())) {
                            failures.add(base + " title '" + a.title() + "' is not '" + l.substring(9).strip() + "'");
                        } else if (l.startsWith("description.substring(0,50) == ") && !text.contains(l.substring(32).strip())) {
                            failures.add(base + " misses the lead '" + l.substring(32).strip() + "'");
                        }
                    }
                    System.out.printf("extract %-48s snippets checked%n", base);
                }
            }
        }
        System.out.printf("extract mean F1 over %d pages = %.3f%n", pages, sum / pages);
        assertThat(sum / pages).as("mean token F1").isGreaterThanOrEqualTo(0.93);
        assertThat(failures).isEmpty();
    }
}
