package org.policyradar.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.policyradar.extract.ListingEntry;
import org.policyradar.extract.ListingParser;
import org.policyradar.listing.ListingFixtures.Expected;
import org.policyradar.listing.ListingFixtures.Fixture;

/**
 * The detector on listing pages written in the shapes of gov.cn, MIIT, NDRC, CAC, ENISA, the Commission's press corner
 * and BSI, each with the chrome such pages have (menus of dozens of links, language lists, breadcrumbs, pagers, dated
 * sidebar and "related" boxes, footers of partner links): it must find every expected entry, nothing else, and
 * selectors that read the same entries from the page's HTML.
 */
class ListingDetectorTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> TALLY = new ArrayList<>();
    /** Per fixture set (developed on, written after): expected, found, spurious. */
    private static final java.util.Map<String, int[]> TOTALS = new java.util.TreeMap<>();

    private final ListingParser parser = new ListingParser();
    private final ListingDetector detector = new ListingDetector(parser);

    @ParameterizedTest
    @MethodSource("fixtures")
    void findsEveryExpectedEntryAndNothingElse(String name) {
        Fixture fixture = ListingFixtures.load(name);
        Document doc = Jsoup.parse(fixture.html(), fixture.baseUrl());
        Optional<ListingCandidate> best = detector.detect(doc, BEIJING, ListingFixtures.READ_ON);

        List<Expected> found = best.map(c -> c.entries().stream().map(e -> ListingFixtures.asExpected(e, BEIJING)).toList())
                .orElse(List.of());
        Set<Expected> wanted = new HashSet<>(fixture.expected());
        long hits = found.stream().filter(wanted::contains).count();
        long spurious = found.size() - hits;
        synchronized (TALLY) {
            int[] t = TOTALS.computeIfAbsent(ListingFixtures.NAMES.contains(name) ? "developed-on" : "written-after", k -> new int[3]);
            t[0] += wanted.size();
            t[1] += (int) hits;
            t[2] += (int) spurious;
            TALLY.add(name + ": expected=" + wanted.size() + " found=" + hits + " spurious=" + spurious
                    + best.map(c -> " " + c.describe()).orElse(" (no listing)"));
        }
        assertThat(found).as(name + " " + best.map(ListingCandidate::describe).orElse("")).containsExactlyElementsOf(fixture.expected());

        // The suggestion is usable as configuration: the same selectors on the page's HTML give the same entries.
        List<ListingEntry> configured = parser.parse(fixture.html(), fixture.baseUrl(), best.orElseThrow().selectors(), BEIJING).entries();
        assertThat(configured.stream().map(e -> ListingFixtures.asExpected(e, BEIJING)).toList()).isEqualTo(found);
    }

    static List<String> fixtures() {
        return java.util.stream.Stream.concat(ListingFixtures.NAMES.stream(), ListingFixtures.WRITTEN_AFTER.stream()).toList();
    }

    @AfterAll
    static void tally() {
        TALLY.forEach(line -> System.out.println("listing-detector " + line));
        TOTALS.forEach((set, t) -> System.out.println("listing-detector " + set + ": expected=" + t[0] + " found=" + t[1]
                + " spurious=" + t[2]));
    }

    @Test
    void aPageOfMenusAndFooterLinksHasNoListing() {
        StringBuilder html = new StringBuilder("<html><body><nav><ul>");
        for (int i = 0; i < 30; i++) {
            html.append("<li><a href=\"/section").append(i).append("/\">Section ").append(i).append("</a></li>");
        }
        html.append("</ul></nav><div class=\"content\"><h1>About the agency</h1><p>We work on cyber security.</p></div><footer><ul>");
        for (String s : List.of("Contact", "Legal notice", "Cookies", "Privacy", "Accessibility", "Sitemap")) {
            html.append("<li><a href=\"/").append(s.toLowerCase()).append("\">").append(s).append("</a></li>");
        }
        html.append("</ul></footer></body></html>");
        Document doc = Jsoup.parse(html.toString(), "https://agency.example.eu/about");
        assertThat(detector.detect(doc, ZoneId.of("UTC"), ListingFixtures.READ_ON)).isEmpty();
        assertThat(detector.candidates(doc, ZoneId.of("UTC"), ListingFixtures.READ_ON)).isNotEmpty();
    }

    @Test
    void aPageWhoseOnlyDatedLinksAreInItsSidebarHasNoListing() {
        // gov.cn's latest-policies page fills its list by script: the static HTML has an empty list and a dated sidebar.
        Fixture gov = ListingFixtures.load("govcn-zuixin");
        Document doc = Jsoup.parse(gov.html(), gov.baseUrl());
        doc.select("div.list ul").remove();
        doc.selectFirst("div.main").after("<div class=\"sidebar\"><h3>相关解读</h3><ul>"
                + "<li><a href=\"/zhengce/a.htm\">国务院关于数字政府建设的指导意见解读</a><span>2026-11-28</span></li>"
                + "<li><a href=\"/zhengce/b.htm\">图解：国务院关于数据要素市场化配置改革的意见</a><span>2026-11-27</span></li>"
                + "<li><a href=\"/zhengce/c.htm\">专家解读算力基础设施布局的意见</a><span>2026-11-26</span></li></ul></div>");
        assertThat(detector.candidates(doc, BEIJING, ListingFixtures.READ_ON)).anySatisfy(c -> assertThat(c.dated()).isEqualTo(3));
        assertThat(detector.detect(doc, BEIJING, ListingFixtures.READ_ON)).isEmpty();
    }

    @Test
    void aDatedSidebarBoxLosesToTheLongerListAndCandidatesComeBestFirst() {
        Fixture ndrc = ListingFixtures.load("ndrc-tz");
        List<ListingCandidate> all = detector.candidates(Jsoup.parse(ndrc.html(), ndrc.baseUrl()), BEIJING, ListingFixtures.READ_ON);
        assertThat(all).extracting(ListingCandidate::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(all.get(0).selectors().item()).isEqualTo("ul.u-list > li");
        assertThat(all).anySatisfy(c -> assertThat(c.selectors().item()).contains("div.xgxw"));
    }

    @Test
    void titleWeightIgnoresPagerLinksAndCountsChineseCharactersInPairs() {
        assertThat(ListingDetector.titleWeight("下一页")).isZero();
        assertThat(ListingDetector.titleWeight("12")).isZero();
        assertThat(ListingDetector.titleWeight("Next ›")).isZero();
        assertThat(ListingDetector.titleWeight("政策文件")).isEqualTo(2 / 6.0);
        assertThat(ListingDetector.titleWeight("Commission proposes a Digital Networks Act")).isEqualTo(1.0);
    }
}
