package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * Cross-lingual search and watches through the real command line: six items about chips in four languages are
 * fetched from feeds on a real local server and indexed by {@code run --once} (real classifier, real Elasticsearch);
 * an English, a Chinese and a German query each find all six, {@code --exact} only its own language's, and an English
 * watch in {@code alerts.yaml} alerts on the Chinese items.
 */
class CrossLingualSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalHttpServer server;
    @TempDir
    static Path dir;

    /** source id -> (language, entries as title|description) */
    private static final Map<String, List<String>> FEEDS = Map.of(
            "xl-en", List.of(
                    "EU approves new semiconductor plant in Dresden|The semiconductor fab will make chips for cars; the European Chips Act funds 5 billion euros.",
                    "Washington widens export controls on semiconductor tools|Advanced semiconductor equipment may no longer be sold to Chinese chipmakers."),
            "xl-zh", List.of(
                    "工信部印发芯片产业发展行动计划|到2027年，国产芯片自给率力争达到70%，加快集成电路关键核心技术攻关，实现自主可控。",
                    "华为发布新一代手机芯片|华为表示，新芯片由国内工厂制造，国家集成电路产业投资基金投入200亿元。"),
            "xl-de", List.of(
                    "Bund fördert Halbleiter-Werk in Magdeburg|Die Bundesregierung gibt Milliarden für die Halbleiter Produktion, um die Abhängigkeit von Asien zu verringern."),
            "xl-fr", List.of(
                    "La France investit dans les semi-conducteurs|Le gouvernement soutient une nouvelle usine de puces électroniques près de Grenoble."));
    private static final Map<String, String> LANG = Map.of("xl-en", "en", "xl-zh", "zh", "xl-de", "de", "xl-fr", "fr");

    @BeforeAll
    static void ingest() throws IOException {
        server = new LocalHttpServer();
        StringBuilder sources = new StringBuilder("sources:\n");
        for (var feed : FEEDS.entrySet()) {
            String id = feed.getKey();
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + id
                    + "</title><link>http://xl.example/</link>");
            int n = 0;
            for (String entry : feed.getValue()) {
                String[] parts = entry.split("\\|");
                rss.append("<item><title>").append(parts[0]).append("</title><link>http://xl.example/").append(id).append('/').append(n++)
                        .append("</link><description>").append(parts[1]).append("</description><pubDate>Mon, 30 Nov 2026 08:0")
                        .append(n).append(":00 GMT</pubDate></item>");
            }
            rss.append("</channel></rss>");
            server.serve("/" + id + ".xml", LocalHttpServer.Resource.ok(rss.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
            sources.append("""
                      - {id: %s, name: Test %s, region: %s, language: %s, kind: feed, url: %s, schedule: 15m}
                    """.formatted(id, id, id.equals("xl-zh") ? "CN" : "EU", LANG.get(id), server.uri("/" + id + ".xml")));
        }
        Files.writeString(dir.resolve("sources.yaml"), sources.toString());
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch:\n  url: %s\ndata_dir: %s\n".formatted(TestElasticsearch.url(), dir.resolve("data")));
        Files.writeString(dir.resolve("alerts.yaml"), """
                watches:
                  - {id: xl-chips-in-china, query: semiconductor, sources: [xl-zh]}
                """);
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The hits of a {@code search --json} among this test's items, as source ids, and the expansion line. */
    private static Search search(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("search"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--json", "--limit", "1000", "--config", dir.toString()));
        CliHarness.Result r = CliHarness.run(argv.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> hits = lines.subList(1, lines.size()).stream().filter(h -> h.path("url").asText().startsWith("http://xl.example/")).toList();
        return new Search(lines.getFirst(), hits);
    }

    private record Search(JsonNode expansion, List<JsonNode> hits) {
        List<String> sources() {
            return hits.stream().map(h -> h.path("source").asText()).sorted().toList();
        }
    }

    private static final List<String> ALL_SIX = List.of("xl-de", "xl-en", "xl-en", "xl-fr", "xl-zh", "xl-zh");

    @Test
    void anEnglishAChineseAndAGermanQueryEachFindTheItemsOfAllFourLanguages() throws IOException {
        for (String query : List.of("semiconductor", "芯片", "Halbleiter")) {
            Search s = search(query);
            assertThat(s.sources()).as(query).isEqualTo(ALL_SIX);
            JsonNode used = s.expansion().path("expansions").get(0);
            assertThat(used.path("concept").asText()).as(query).isEqualTo("chips");
            assertThat(used.path("term").asText()).isEqualTo(query);
            assertThat(s.expansion().path("expanded_query").asText()).contains(query, "半导体", "\"集成 电路\"", "halbleiter*", "\"semi-conducteurs\"", "semiconductor*")
                    .doesNotContain("\"Chip\"");
        }
    }

    @Test
    void exactFindsOnlyItsOwnLanguage() throws IOException {
        assertThat(search("semiconductor", "--exact").sources()).isEqualTo(List.of("xl-en", "xl-en"));
        assertThat(search("芯片", "--exact").sources()).isEqualTo(List.of("xl-zh", "xl-zh"));
        assertThat(search("Halbleiter", "--exact").sources()).isEqualTo(List.of("xl-de"));
        assertThat(search("Halbleiter", "--exact").expansion().path("expansions")).isEmpty();
    }

    @Test
    void theUsersOwnTermsStayAndCombineWithTheExpansion() throws IOException {
        // "Huawei" is an actor (华为): both terms expanded, ANDed: only the Huawei chip item
        Search s = search("semiconductor", "Huawei");
        assertThat(s.hits()).extracting(h -> h.path("title").asText()).containsExactly("华为发布新一代手机芯片");
        Set<String> concepts = new HashSet<>();
        s.expansion().path("expansions").forEach(u -> concepts.add(u.path("kind").asText() + ":" + u.path("concept").asText()));
        assertThat(concepts).containsExactlyInAnyOrder("theme:chips", "actor:huawei");
    }

    @Test
    void chineseItemsCarryAnEnglishGlossOfTheirTermsAndActors() throws IOException {
        Search s = search("华为");
        JsonNode huawei = s.hits().getFirst();
        assertThat(huawei.path("gloss").asText()).contains("华为: Huawei", "芯片: semiconductors and chips");
        Map<String, String> glossBySource = search("semiconductor").hits().stream()
                .collect(Collectors.toMap(h -> h.path("url").asText(), h -> h.path("gloss").asText(""), (a, b) -> a));
        assertThat(glossBySource.entrySet()).allSatisfy(e -> assertThat(e.getValue().isEmpty()).as(e.getKey())
                .isEqualTo(!e.getKey().contains("/xl-zh/")));
    }

    @Test
    void theSignalFilterKeepsItemsCarryingTheSignal() throws IOException {
        // self-reliance (自主可控, 关键核心技术) is in the MIIT plan only
        assertThat(search("芯片", "--signal", "self-reliance").hits()).extracting(h -> h.path("title").asText())
                .containsExactly("工信部印发芯片产业发展行动计划");
        assertThat(search("semiconductor", "--signal", "self-reliance").sources()).isEqualTo(List.of("xl-zh"));
        // the plan's target and figures, as written, for the "items with targets and figures" view
        JsonNode plan = search("芯片", "--signal", "target").hits().getFirst();
        assertThat(plan.path("title").asText()).isEqualTo("工信部印发芯片产业发展行动计划");
        List<String> figures = new ArrayList<>();
        plan.path("figures").forEach(f -> figures.add(f.asText()));
        assertThat(figures).contains("70%", "2027年");
    }

    @Test
    void anEnglishWatchAlertsOnTheChineseItems() throws IOException {
        CliHarness.Result r = CliHarness.run("alerts", "--type", "watch", "--json", "--since", "1d", "--config", dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<JsonNode> mine = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            JsonNode a = JSON.readTree(line);
            if ("xl-chips-in-china".equals(a.path("watch").asText())) mine.add(a);
        }
        assertThat(mine).hasSize(1);
        List<String> titles = new ArrayList<>();
        mine.getFirst().path("items").forEach(i -> titles.add(i.path("title").asText()));
        assertThat(titles).containsExactlyInAnyOrder("工信部印发芯片产业发展行动计划", "华为发布新一代手机芯片");
        // the analyst who reads no Chinese sees what matched
        mine.getFirst().path("items").forEach(i -> assertThat(i.path("gloss").asText()).contains("芯片: semiconductors and chips"));
    }
}
