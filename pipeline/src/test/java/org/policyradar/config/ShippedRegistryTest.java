package org.policyradar.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.policyradar.extract.JsonListingParser;
import org.policyradar.extract.ListingEntry;

/**
 * The shipped {@code config/sources.yaml} loads (every selector and JSONPath compiles), has at least 30 sources each
 * with a dated note of where its URL and selectors come from, carries the corrections of issue 14, and its JSON paths
 * read entries out of answers in the shapes the maintained scrapers document.
 */
class ShippedRegistryTest {
    private static final Path CONFIG = Path.of(System.getProperty("radar.home",
            Path.of("").toAbsolutePath().getParent().toString())).resolve("config");

    private static Map<String, SourceConfig> shipped() {
        return new ConfigLoader(Map.of("RADAR_DATA_DIR", System.getProperty("java.io.tmpdir"))).loadSources(CONFIG.resolve("sources.yaml"))
                .stream().collect(Collectors.toMap(SourceConfig::id, Function.identity()));
    }

    @Test
    void everySourceSaysWhatItIsWhereItComesFromAndWhen() {
        Map<String, SourceConfig> sources = shipped();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(30);
        assertThat(sources.values()).allSatisfy(s -> assertThat(s.note()).as(s.id()).contains("2026-12-02")
                .containsAnyOf("RSSHub", "config", "unverified", "issue 14"));
        assertThat(sources.keySet()).contains("govcn-policy-latest", "miit-policy", "cac-policy", "ndrc-notices", "pboc-news",
                "most-policy", "mofcom-policy", "nda-policy", "cnca-notices", "caict-bluebooks");
    }

    @Test
    void theCorrectionsAreInPlace() {
        Map<String, SourceConfig> s = shipped();
        assertThat(s.get("govcn-policy-latest").kind()).isEqualTo(SourceKind.JSON);
        assertThat(s.get("govcn-policy-latest").url().toString()).endsWith("/zhengce/zuixin/ZUIXINZHENGCE.json");
        assertThat(s.get("xinhua-tech").kind()).isEqualTo(SourceKind.JSON);
        assertThat(s.get("xinhua-tech").url().getPath()).matches("/tech/ds_[0-9a-f]{32}\\.json");
        assertThat(s.get("miit-policy").url().getPath()).isEqualTo("/search-front-server/api/search/info");
        assertThat(s.get("miit-policy").url().getQuery()).contains("cateid=196");
        assertThat(s.get("cac-policy").url().toString()).endsWith("A093703index_1.htm");
        assertThat(s.get("cac-policy").listing().orElseThrow()).isEqualTo(new ListingSelectors("#loadingInfoPage li", "a", "a", ".times"));
        assertThat(s.get("pboc-news").listing().orElseThrow().item()).isEqualTo("font.newslist_style");
        assertThat(s.get("eurlex-oj-l").url().getPath()).isEqualTo("/oj/daily-view/L-series/default.html");
        assertThat(s.get("enisa-news").listing().orElseThrow().item()).isEqualTo("div.publications-item, div.featured-items");
        assertThat(s.get("ec-presscorner").kind()).isEqualTo(SourceKind.FEED);
        assertThat(s.get("ec-presscorner").url().toString()).isEqualTo("https://ec.europa.eu/commission/presscorner/api/rss?language=en");
        assertThat(s.get("berec-news").kind()).isEqualTo(SourceKind.FEED);
        assertThat(s.get("euractiv-tech").url().toString()).contains("/section/tech/feed/");
    }

    @Test
    void theShippedJsonPathsReadTheShapesTheScrapersDocument() throws Exception {
        Map<String, SourceConfig> s = shipped();
        assertThat(read(s.get("govcn-policy-latest"), """
                [{"TITLE": "国务院关于推动人工智能赋能新型工业化的意见", "SUB_TITLE": "",
                  "URL": "https://www.gov.cn/zhengce/content/202611/content_7090001.htm", "DOCRELPUBTIME": "2026-11-30"}]"""))
                .containsExactly(new ListingEntry("https://www.gov.cn/zhengce/content/202611/content_7090001.htm",
                        "国务院关于推动人工智能赋能新型工业化的意见", java.time.Instant.parse("2026-11-29T16:00:00Z")));
        assertThat(read(s.get("xinhua-tech"), """
                {"datasource": [{"title": "6G技术试验取得阶段性成果", "publishUrl": "https://www.news.cn/tech/20261130/c.html",
                  "publishTime": "2026-11-30 09:41:00", "summary": "摘要"}]}""")).singleElement()
                .satisfies(e -> assertThat(e.published()).isEqualTo(java.time.Instant.parse("2026-11-30T01:41:00Z")));
        assertThat(read(s.get("miit-policy"), """
                {"data": {"searchResult": {"dataResults": [{"groupData": [{"data": {"title": "关于推进工业互联网发展的通知",
                  "url": "/zwgk/zcwj/wjfb/tz/art/2026/art_1.html", "deploytime": "1795916460000"}}]}]}}}""")).singleElement()
                .satisfies(e -> {
                    assertThat(e.url()).isEqualTo("https://www.miit.gov.cn/zwgk/zcwj/wjfb/tz/art/2026/art_1.html");
                    assertThat(e.published()).isEqualTo(java.time.Instant.parse("2026-11-29T01:41:00Z"));
                });
    }

    private static List<ListingEntry> read(SourceConfig source, String json) throws Exception {
        return new JsonListingParser().parse(json.getBytes(StandardCharsets.UTF_8), "application/json", null,
                URI.create(source.url().toString()), source.json().orElseThrow(), ZoneId.of("Asia/Shanghai")).entries();
    }
}
