package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.SharedCorpus;

/**
 * The public extraction development set ({@code ../shared/corpus/extraction}: 400 Dragnet pages and Mozilla
 * Readability's 116 test pages, gold text by hand or by Readability), scored as the benchmark scores it. The floors
 * sit just below what the extractor reaches (README, "Main text"); the held-out benchmark, not this set, is the
 * independent figure. Fails, not skips, without the corpus.
 */
class DevelopmentSetExtractionTest {
    private static final double DRAGNET_FLOOR = 0.83;
    private static final double READABILITY_FLOOR = 0.95;
    private static final Map<String, Page> PAGES = new TreeMap<>();

    record Page(String goldText, String htmlText, ShingleScore score, String extracted) {
    }

    @BeforeAll
    static void extractEveryPage() throws Exception {
        Path root = SharedCorpus.required("corpus/extraction");
        HtmlDecoder decoder = new HtmlDecoder();
        ArticleExtractor extractor = new DensityArticleExtractor();
        try (Stream<Path> files = Files.list(root.resolve("pages"))) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String key = html.getFileName().toString().replaceFirst("\\.html$", "");
                // as the scorer reads it: UTF-8 with replacement (two Dragnet gold files are UTF-16 and score 0 for everyone)
                String gold = new String(Files.readAllBytes(root.resolve("gold/" + key + ".txt")), StandardCharsets.UTF_8);
                String page = decoder.decode(Files.readAllBytes(html), null, null);
                String text = extractor.extract(page, "http://example.org/" + key + ".html").text();
                PAGES.put(key, new Page(gold, Jsoup.parse(page).text(), ShingleScore.of(gold, text), text));
            }
        }
        assertThat(PAGES).as("pages under %s", root).hasSize(516);
    }

    @Test
    void dragnetPagesScoreAboveTheFloor() {
        assertAbove("dragnet-", 400, DRAGNET_FLOOR);
    }

    @Test
    void readabilityTestPagesScoreAboveTheFloor() {
        assertAbove("readability-", 116, READABILITY_FLOOR);
    }

    @Test
    void noPageWithAnArticleComesOutEmpty() {
        List<String> empty = PAGES.entrySet().stream()
                .filter(e -> words(e.getValue().goldText()) > 50 && words(e.getValue().htmlText()) > 50)
                .filter(e -> e.getValue().extracted().isBlank())
                .map(Map.Entry::getKey).toList();
        assertThat(empty).as("pages whose gold and HTML both have > 50 words but whose extracted text is empty").isEmpty();
    }

    private static void assertAbove(String prefix, int expectedPages, double floor) {
        List<Map.Entry<String, Page>> pages = PAGES.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).toList();
        assertThat(pages).hasSize(expectedPages);
        double f1 = ShingleScore.f1OfMeans(pages.stream().map(e -> e.getValue().score()).toList());
        String worst = pages.stream().sorted(Comparator.comparingDouble(e -> e.getValue().score().f1())).limit(10)
                .map(e -> String.format("%s F1 %.2f (P %.2f R %.2f)", e.getKey(), e.getValue().score().f1(),
                        e.getValue().score().precision(), e.getValue().score().recall()))
                .collect(Collectors.joining(", "));
        System.out.printf("extraction dev set %s: %d pages, F1 %.3f; worst: %s%n", prefix, pages.size(), f1, worst);
        assertThat(f1).as("F1 on the %s pages (floor %.3f); worst pages: %s", prefix, floor, worst).isGreaterThanOrEqualTo(floor);
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
