package org.policyradar.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.policyradar.extract.ListingParser;
import org.policyradar.testing.SharedCorpus;

/**
 * The real pages of the shared corpus ({@code corpus/html}: 15 article pages of Chinese and European sites; the corpus
 * has no listing pages) are what a listing source turns into when its URL starts pointing at an article: full of
 * menus, footers and "related" boxes. Whatever the detector takes for a listing there must not be any of the page's
 * navigation, header or footer links.
 */
class CorpusArticlePagesTest {
    @Test
    void noArticlePageYieldsItsMenusOrFooterAsAListing() throws Exception {
        Path dir = SharedCorpus.dir().resolve("corpus/html");
        ListingDetector detector = new ListingDetector(new ListingParser());
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(f -> f.toString().endsWith(".html") && !f.toString().endsWith(".expected.html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(15);
        int withListing = 0;
        for (Path page : pages) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://news.example.org/2026/article.html");
            long t0 = System.nanoTime();
            Optional<ListingCandidate> found = detector.detect(doc, ZoneId.of("UTC"), ListingFixtures.READ_ON);
            System.out.println("listing-detector corpus " + page.getFileName() + " " + (System.nanoTime() - t0) / 1_000_000 + " ms: "
                    + found.map(c -> c.entries().size() + " entries " + c.describe()).orElse("no listing"));
            if (found.isEmpty()) {
                continue;
            }
            withListing++;
            Set<String> chromeLinks = new HashSet<>();
            for (Element a : doc.select("nav a[href], header a[href], footer a[href], [class~=(?i)^(nav|menu|footer)] a[href]")) {
                chromeLinks.add(a.absUrl("href"));
            }
            assertThat(found.get().entries()).as(page.getFileName().toString())
                    .noneMatch(e -> chromeLinks.contains(e.url()));
        }
        System.out.println("listing-detector corpus: " + withListing + " of " + pages.size() + " article pages yield a listing");
    }
}
