package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.IndexedItems;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.SharedCorpus;
import org.policyradar.testing.TestElasticsearch;
import org.policyradar.testing.ServerAndElasticsearch;

/**
 * {@code radar run --once} from a sources.yaml to searchable documents, on a real local HTTP server and the real
 * Elasticsearch: every entry is indexed with its source and topics, and a second pass adds nothing.
 */
class RunOnceEndToEndTest {
    @RegisterExtension
    static final ServerAndElasticsearch LOCAL = new ServerAndElasticsearch();

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Policy wire</title><link>http://example.org/</link>
            <item><title>Huawei ships 5G base stations to Duisburg</title>
              <link>http://example.org/a/huawei-5g?utm_source=rss</link>
              <description>The 5G network rollout continues with Huawei equipment.</description>
              <pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>
            <item><title>国务院印发新一代人工智能发展规划</title>
              <link>http://example.org/a/ai-plan</link>
              <description>推动人工智能与实体经济深度融合。</description>
              <pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate></item>
            <item><title>Local football club wins the cup</title>
              <link>http://example.org/a/football</link>
              <description>A great night for the town.</description></item>
            </channel></rss>
            """;

    private Path config(Path dir, String sourceId, String path) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - id: %s
                    name: Test wire
                    region: EU
                    language: en
                    kind: feed
                    url: %s
                    schedule: 15m
                """.formatted(sourceId, LOCAL.server().uri(path)));
        Files.writeString(dir.resolve("radar.yaml"), """
                elasticsearch:
                  url: %s
                data_dir: %s
                """.formatted(TestElasticsearch.url(), dir.resolve("data")));
        return dir;
    }

    @Test
    void everyEntryIsSearchableWithSourceAndTopicsAndASecondPassAddsNothing(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/wire.xml", LocalHttpServer.Resource.ok(FEED.getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        config(dir, "test-wire", "/wire.xml");

        CliHarness.Result first = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("test-wire\\s+200\\s+3\\s+3\\s+0\\s+0\\s+0\\s+0");

        Map<String, JsonNode> docs = docsOf("test-wire");
        assertThat(docs).hasSize(3);
        JsonNode huawei = docs.get("http://example.org/a/huawei-5g?utm_source=rss");
        assertThat(huawei.path("source").path("id").asText()).isEqualTo("test-wire");
        assertThat(huawei.path("source").path("region").asText()).isEqualTo("EU");
        assertThat(texts(huawei.path("topics"))).contains("5g");
        assertThat(huawei.path("evidence").path("5g").size()).isPositive();
        assertThat(huawei.path("canonical_url").asText()).isEqualTo("http://example.org/a/huawei-5g");
        JsonNode plan = docs.get("http://example.org/a/ai-plan");
        assertThat(plan.path("lang").asText()).startsWith("zh");
        assertThat(texts(plan.path("topics"))).contains("ai");
        assertThat(texts(docs.get("http://example.org/a/football").path("topics"))).isEmpty();
        assertThat(docs.get("http://example.org/a/football").path("published_estimated").asBoolean()).isTrue();

        CliHarness.Result second = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("test-wire\\s+200\\s+3\\s+0\\s+0\\s+3\\s+0\\s+0");
        assertThat(docsOf("test-wire")).hasSize(3);

        CliHarness.Result search = CliHarness.run("search", "Huawei", "--topic", "5g", "--config", dir.toString());
        assertThat(search.code()).as(search.err()).isZero();
        assertThat(search.out()).contains("Huawei ships 5G base stations").contains("1 item(s)");
    }

    /**
     * Most feeds answer 200 with the same entries on every poll: those are neither classified nor written again (their
     * Elasticsearch version stays, an estimated date does not move), while an edited entry, an item deleted from the
     * index and, after a taxonomy edit, every entry go through again.
     */
    @Test
    void unchangedEntriesAreSkippedButEditedMissingOrReclassifiedOnesAreNot(@TempDir Path dir) throws Exception {
        String feed = FEED.replace("example.org/a/", "example.org/seen/");
        LOCAL.server().serve("/seen.xml", LocalHttpServer.Resource.ok(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        config(dir, "seen-wire", "/seen.xml");
        assertThat(CliHarness.run("run", "--once", "--config", dir.toString()).out()).containsPattern("seen-wire\\s+200\\s+3\\s+3\\s+0\\s+0\\s");
        Map<String, Long> versions = esVersionsOf("seen-wire");
        String estimated = docsOf("seen-wire").get("http://example.org/seen/football").path("published").asText();

        CliHarness.Result same = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).containsPattern("seen-wire\\s+200\\s+3\\s+0\\s+0\\s+3\\s+0\\s+0");
        assertThat(esVersionsOf("seen-wire")).isEqualTo(versions);
        assertThat(docsOf("seen-wire").get("http://example.org/seen/football").path("published").asText()).isEqualTo(estimated);

        LOCAL.server().serve("/seen.xml", LocalHttpServer.Resource.ok(feed.replace("with Huawei equipment.", "with Huawei and ZTE equipment.")
                .getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        String planId = docIdOf("seen-wire", "http://example.org/seen/ai-plan");
        LOCAL.es().client().delete(d -> d.index("radar-items").id(planId).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        CliHarness.Result edited = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(edited.out()).as(edited.err()).containsPattern("seen-wire\\s+200\\s+3\\s+1\\s+1\\s+1\\s+0\\s+0");
        assertThat(docsOf("seen-wire")).hasSize(3);
        assertThat(docsOf("seen-wire").get("http://example.org/seen/huawei-5g?utm_source=rss").path("summary").asText()).contains("ZTE");

        String taxonomy = new String(getClass().getResourceAsStream("/org/policyradar/taxonomy/taxonomy.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("taxonomy.yaml"), taxonomy + "\n# edited by an analyst\n");
        Files.writeString(dir.resolve("radar.yaml"), Files.readString(dir.resolve("radar.yaml")) + "taxonomy: taxonomy.yaml\n");
        CliHarness.Result retaxed = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(retaxed.out()).as(retaxed.err()).containsPattern("seen-wire\\s+200\\s+3\\s+0\\s+3\\s+0\\s+0\\s+0");
    }

    private static Map<String, Long> esVersionsOf(String sourceId) throws IOException {
        LOCAL.es().client().indices().refresh(r -> r.index("radar-items"));
        SearchResponse<JsonNode> r = LOCAL.es().client().search(s -> s.index("radar-items").size(1000).version(true)
                .query(q -> q.term(t -> t.field("source.id").value(sourceId))), JsonNode.class);
        Map<String, Long> out = new HashMap<>();
        r.hits().hits().forEach(h -> out.put(h.id(), h.version()));
        return out;
    }

    private static String docIdOf(String sourceId, String url) throws IOException {
        SearchResponse<JsonNode> r = LOCAL.es().client().search(s -> s.index("radar-items").size(10)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("source.id").value(sourceId)))
                        .filter(f -> f.term(t -> t.field("url").value(url))))), JsonNode.class);
        assertThat(r.hits().hits()).hasSize(1);
        return r.hits().hits().get(0).id();
    }

    @Test
    void anUnchangedFeedCostsA304AndIndexesNothingNew(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/etag.xml", LocalHttpServer.Resource.withEtag(
                FEED.replace("example.org/a/", "example.org/etag/").getBytes(StandardCharsets.UTF_8), "application/rss+xml", "\"v1\""));
        config(dir, "etag-wire", "/etag.xml");
        assertThat(CliHarness.run("run", "--once", "--config", dir.toString()).code()).isZero();
        CliHarness.Result second = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("etag-wire\\s+304\\s+0\\s+0");
        List<LocalHttpServer.Request> etagRequests = LOCAL.server().requests().stream().filter(r -> r.path().equals("/etag.xml")).toList();
        assertThat(etagRequests).hasSize(2);
        assertThat(etagRequests.get(1).headers().get("If-none-match")).containsExactly("\"v1\"");
        assertThat(docsOf("etag-wire")).hasSize(3);
    }

    @Test
    void aRealCorpusFeedIsIndexedEntryForEntry(@TempDir Path dir) throws Exception {
        Path feed = SharedCorpus.dir().resolve("corpus/feeds/xinhua_tech_zh.xml");
        byte[] bytes = Files.readAllBytes(feed);
        LOCAL.server().serve("/xinhua.xml", LocalHttpServer.Resource.ok(bytes, "text/xml"));
        config(dir, "xinhua-tech", "/xinhua.xml");
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(docsOf("xinhua-tech")).hasSize(distinctLinks(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Test
    void aBrokenSourceIsReportedByNameAndTheOthersStillRun(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/ok.xml", LocalHttpServer.Resource.ok(
                FEED.replace("example.org/a/", "example.org/ok/").getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        LOCAL.server().serve("/broken.xml", LocalHttpServer.Resource.ok("<html><body>not a feed".getBytes(StandardCharsets.UTF_8), "text/html"));
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: ok-wire, name: OK, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                  - {id: broken-wire, name: Broken, region: CN, language: zh, kind: feed, url: "%s", schedule: 1h}
                  - {id: missing-wire, name: Missing, region: CN, language: zh, kind: feed, url: "%s", schedule: 1h}
                """.formatted(LOCAL.server().uri("/ok.xml"), LOCAL.server().uri("/broken.xml"), LOCAL.server().uri("/missing.xml")));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).containsPattern("ok-wire\\s+200\\s+3\\s+3");
        assertThat(run.out()).containsPattern("broken-wire\\s+200\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+source=broken-wire reason=\"");
        assertThat(run.out()).containsPattern("missing-wire\\s+404 .*HTTP 404");
        assertThat(docsOf("ok-wire")).hasSize(3);
    }

    @Test
    void anHtmlListingIsFollowedToItsPagesFullTextOnlyOnTheSourcesHost(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/zcwj/index.html", LocalHttpServer.Resource.ok("""
                <html><body><div class="nav"><a href="/">首页</a></div>
                <ul class="list">
                  <li><a href="art/1.html">工业和信息化部关于推进5G网络建设的通知</a><span class="date">2026-11-02</span></li>
                  <li><a href="/zcwj/art/2.html">关于加强数据安全管理的意见</a><span class="date">2026年11月3日</span></li>
                  <li><a href="https://evil.example/steal">外部链接</a><span class="date">2026-11-03</span></li>
                  <li>没有链接的条目</li>
                </ul></body></html>""".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        String page = """
                <html><head><meta charset="gb2312"><title>%s_中华人民共和国工业和信息化部</title></head><body>
                <div class="header"><a href="/">首页</a> | <a href="/zcwj">政策文件</a></div>
                <div class="article"><h1>%s</h1><div class="info">发布时间：%s 来源：工业和信息化部</div>
                <div id="TRS_Editor"><p>%s</p><p>各省、自治区、直辖市工业和信息化主管部门，要加强组织领导，做好政策宣传和落实工作，确保各项任务按期完成。</p></div></div>
                <div class="footer">版权所有：工业和信息化部 京ICP备04000001号</div></body></html>""";
        LOCAL.server().serve("/zcwj/art/1.html", LocalHttpServer.Resource.withEtag(page.formatted("关于推进5G网络建设的通知", "关于推进5G网络建设的通知",
                "2026-11-02 10:15", "为加快5G网络建设，推动5G基站共建共享，到2027年每万人拥有5G基站数达到38个。").getBytes(StandardCharsets.UTF_8),
                "text/html", "\"p1\""));
        LOCAL.server().serve("/zcwj/art/2.html", LocalHttpServer.Resource.withEtag(page.formatted("关于加强数据安全管理的意见", "关于加强数据安全管理的意见",
                "2026-11-03 09:00", "依据《数据安全法》和《网络安全法》，加强重要数据和个人信息保护，防范网络攻击和数据泄露风险。").getBytes(StandardCharsets.UTF_8),
                "text/html", "\"p2\""));
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - id: html-miit
                    name: MIIT policy documents (test)
                    region: CN
                    language: zh
                    kind: html
                    url: %s
                    schedule: 1h
                    listing: { item: "ul.list li", link: "a", title: "a", date: "span.date" }
                    follow: true
                """.formatted(LOCAL.server().uri("/zcwj/index.html")));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(0);
        Map<String, JsonNode> docs = docsOf("html-miit");
        assertThat(docs).hasSize(2);
        JsonNode first = docs.get(LOCAL.server().uri("/zcwj/art/1.html").toString());
        assertThat(first.path("title").asText()).isEqualTo("关于推进5G网络建设的通知");
        assertThat(first.path("text").asText()).contains("每万人拥有5G基站数达到38个").doesNotContain("京ICP备").doesNotContain("首页");
        assertThat(first.path("published").asText()).isEqualTo("2026-11-02T02:15:00Z");
        assertThat(texts(first.path("topics"))).contains("5g");
        assertThat(texts(docs.get(LOCAL.server().uri("/zcwj/art/2.html").toString()).path("topics"))).contains("cyber");
        assertThat(LOCAL.server().requests()).noneMatch(r -> r.path().contains("steal"));

        CliHarness.Result again = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(again.code()).isZero();
        assertThat(LOCAL.server().requests().stream().filter(r -> r.path().equals("/zcwj/art/1.html")).map(LocalHttpServer.Request::status))
                .containsExactly(200, 304);
    }

    @Test
    void anEditedTrackedPageRaisesOneChangeAlertAcrossRunsAndATimestampOnlyEditNone(@TempDir Path dir) throws Exception {
        List<String> hookBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", ex -> {
            hookBodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        try {
            // The listing has an ETag and never changes: the edits must be found all the same.
            LOCAL.server().serve("/track/index.html", LocalHttpServer.Resource.withEtag("""
                    <html><body><ul class="list">
                      <li><a href="plan.html">关于推进5G网络建设的通知</a><span class="date">2026-11-02</span></li>
                      <li><a href="notice.html">关于开展数据安全检查的通知</a><span class="date">2026-11-03</span></li>
                    </ul></body></html>""".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", "\"list-1\""));
            String page = """
                    <html><head><title>%s</title></head><body>
                    <div class="header"><a href="/">首页</a></div>
                    <div class="article"><h1>%s</h1><div class="info">发布时间：%s 浏览次数：%d</div>
                    <div id="TRS_Editor"><p>%s</p><p>各省、自治区、直辖市工业和信息化主管部门，要加强组织领导，做好政策宣传和落实工作，确保各项任务按期完成。</p></div></div>
                    <div class="footer">版权所有：工业和信息化部</div></body></html>""";
            String planTitle = "关于推进5G网络建设的通知";
            String noticeTitle = "关于开展数据安全检查的通知";
            java.util.function.BiFunction<String, Integer, byte[]> plan = (target, views) -> page.formatted(planTitle, planTitle,
                    "2026-11-02 10:15", views, "为加快5G网络建设，推动5G基站共建共享，到2027年每万人拥有5G基站数达到" + target + "个。")
                    .getBytes(StandardCharsets.UTF_8);
            java.util.function.BiFunction<String, Integer, byte[]> notice = (stamp, views) -> page.formatted(noticeTitle, noticeTitle,
                    stamp, views, "依据《数据安全法》，各地开展数据安全检查，加强重要数据和个人信息保护。").getBytes(StandardCharsets.UTF_8);
            LOCAL.server().serve("/track/plan.html", LocalHttpServer.Resource.withEtag(plan.apply("38", 10), "text/html", "\"plan-1\""));
            LOCAL.server().serve("/track/notice.html", LocalHttpServer.Resource.withEtag(notice.apply("2026-11-03 09:00", 5), "text/html", "\"notice-1\""));
            String channel = "e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - id: track-miit
                        name: MIIT tracked (test)
                        region: CN
                        language: zh
                        kind: html
                        url: %s
                        schedule: 1h
                        listing: { item: "ul.list li", link: "a", title: "a", date: "span.date" }
                        follow: true
                        track_changes: true
                    """.formatted(LOCAL.server().uri("/track/index.html")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));
            Files.writeString(dir.resolve("alerts.yaml"), """
                    channels:
                      - {id: %s, type: webhook, url: "http://127.0.0.1:%d/hook"}
                    changes:
                      sources:
                        track-miit:
                          ignore: ['来源：\\S+']
                    """.formatted(channel, hook.getAddress().getPort()));
            String planUrl = LOCAL.server().uri("/track/plan.html").toString();
            String noticeUrl = LOCAL.server().uri("/track/notice.html").toString();

            CliHarness.Result first = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(first.code()).as(first.out() + first.err()).isZero();
            assertThat(versionsOf(planUrl)).containsExactly(1);
            assertThat(versionsOf(noticeUrl)).containsExactly(1);

            // The plan's target changes; the notice only gets a new date and view count.
            LOCAL.server().serve("/track/plan.html", LocalHttpServer.Resource.withEtag(plan.apply("50", 11), "text/html", "\"plan-2\""));
            LOCAL.server().serve("/track/notice.html", LocalHttpServer.Resource.withEtag(notice.apply("2026-11-28 17:30", 999), "text/html", "\"notice-2\""));
            CliHarness.Result second = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(second.code()).as(second.out() + second.err()).isZero();
            assertThat(second.out()).contains("alerts: raised=");
            assertThat(versionsOf(planUrl)).containsExactly(1, 2);
            assertThat(versionsOf(noticeUrl)).containsExactly(1);

            CliHarness.Result third = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(third.code()).as(third.out() + third.err()).isZero();
            assertThat(LOCAL.server().requests().stream().filter(r -> r.path().equals("/track/index.html")).map(LocalHttpServer.Request::status))
                    .containsExactly(200, 200, 200);
            assertThat(LOCAL.server().requests().stream().filter(r -> r.path().equals("/track/plan.html")).map(LocalHttpServer.Request::status))
                    .containsExactly(200, 200, 304);

            CliHarness.Result listed = CliHarness.run("alerts", "--type", "change", "--json", "--since", "1h", "--config", dir.toString());
            assertThat(listed.code()).as(listed.err()).isZero();
            List<JsonNode> changes = listed.out().lines().map(RunOnceEndToEndTest::json)
                    .filter(n -> n.path("source").path("id").asText().equals("track-miit")).toList();
            assertThat(changes).hasSize(1);
            JsonNode alert = changes.get(0);
            assertThat(alert.path("url").asText()).isEqualTo(planUrl);
            assertThat(alert.path("version").asInt()).isEqualTo(2);
            assertThat(alert.path("diff").asText()).contains("达到[-38-]{+50+}个");
            assertThat(alert.path("summary").asText()).contains("38个 → 50个");
            assertThat(alert.path("delivered").asBoolean()).isTrue();
            assertThat(hookBodies.stream().filter(b -> b.contains("track-miit"))).hasSize(1)
                    .allSatisfy(b -> assertThat(b).contains("[-38-]{+50+}"));
        } finally {
            hook.stop(0);
        }
    }

    private static JsonNode json(String line) {
        try {
            return org.policyradar.index.ElasticsearchConnection.objectMapper().readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Integer> versionsOf(String url) throws IOException {
        ElasticsearchClient client = LOCAL.es().client();
        client.indices().refresh(r -> r.index("radar-versions"));
        SearchResponse<JsonNode> r = client.search(s -> s.index("radar-versions").size(100)
                .query(q -> q.term(t -> t.field("url").value(url)))
                .sort(o -> o.field(f -> f.field("version"))), JsonNode.class);
        return r.hits().hits().stream().map(h -> h.source().path("version").asInt()).toList();
    }

    private static int distinctLinks(String xml) {
        Matcher m = Pattern.compile("<link>\\s*(?:<!\\[CDATA\\[)?\\s*([^<\\]]+?)\\s*(?:]]>)?\\s*</link>").matcher(xml);
        Set<String> links = new java.util.HashSet<>();
        boolean first = true;
        while (m.find()) {
            if (first) { // the channel's own link
                first = false;
                continue;
            }
            links.add(m.group(1));
        }
        return links.size();
    }

    private static Map<String, JsonNode> docsOf(String sourceId) throws IOException {
        return IndexedItems.byUrl(LOCAL.es().client(), sourceId);
    }

    private static List<String> texts(JsonNode array) {
        return IndexedItems.texts(array);
    }
}
