package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.testing.IndexedItems.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.IndexedItems;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;
import org.policyradar.testing.ServerAndElasticsearch;

/**
 * {@code kind: json} through {@code radar run --once}, from a real local server into the real Elasticsearch, in the two
 * shapes Chinese official sites fill their listing pages from: the State Council's {@code ZUIXINZHENGCE.json} (an
 * array of entries with TITLE, URL, DOCRELPUBTIME) and Xinhua's {@code ds_<ID>.json} ({@code datasource[]} with title,
 * publishUrl, publishTime). Every entry is indexed with its title, link, date (Beijing time) and topics.
 */
class JsonSourceTest {
    @RegisterExtension
    static final ServerAndElasticsearch LOCAL = new ServerAndElasticsearch();

    private static final String STATE_COUNCIL = """
            [
              {"TITLE": "国务院关于深入实施“人工智能+”行动的意见", "URL": "./content/202611/content_7010001.htm",
               "DOCRELPUBTIME": "2026-11-30", "SUB_TITLE": "", "PUBLISHER": "国务院"},
              {"TITLE": "国务院办公厅关于加快推进5G网络和千兆光网建设的通知", "URL": "https://www.gov.cn/zhengce/content/202611/content_7010002.htm",
               "DOCRELPUBTIME": "2026-11-28"},
              {"TITLE": "国务院关于印发《网络数据安全管理条例》实施方案的通知", "URL": "/zhengce/content/202611/content_7010003.htm",
               "DOCRELPUBTIME": "2026-11-27"},
              {"TITLE": "", "URL": "/zhengce/content/202611/empty.htm", "DOCRELPUBTIME": "2026-11-26"}
            ]""";

    private static final String XINHUA = """
            {"datasource": [
              {"title": "量子计算原型机实现新突破", "publishUrl": "https://www.news.cn/tech/20261130/a1/c.html",
               "publishTime": "2026-11-30 09:41:00", "summary": "我国科研团队在量子计算领域取得重要进展。"},
              {"title": "区块链技术赋能数字人民币跨境支付", "publishUrl": "https://www.news.cn/tech/20261129/a2/c.html",
               "publishTime": 1795916460000},
              {"title": "<font color=red>网络安全</font>宣传周在京开幕", "publishUrl": "https://www.news.cn/tech/20261128/a3/c.html",
               "publishTime": "2026-11-28 10:00:00"}
            ], "totalnum": 3}""";

    private Path config(Path dir, String sources) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n" + sources);
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\npoliteness: {host_delay: 20ms}\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
        return dir;
    }

    @Test
    void theStateCouncilArrayShapeIsIndexedEntryForEntry(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/zhengce/zuixin/ZUIXINZHENGCE.json", LocalHttpServer.Resource.ok(STATE_COUNCIL.getBytes(StandardCharsets.UTF_8),
                "application/json"));
        config(dir, """
                  - id: govcn-json
                    name: State Council latest policies (test)
                    region: CN
                    language: zh
                    kind: json
                    url: %s
                    schedule: 1h
                    json: { items: "$[*]", title: TITLE, link: URL, date: DOCRELPUBTIME }
                """.formatted(LOCAL.server().uri("/zhengce/zuixin/ZUIXINZHENGCE.json")));
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("govcn-json\\s+200\\s+3\\s+3\\s");

        Map<String, JsonNode> docs = IndexedItems.byUrl(LOCAL.es().client(), "govcn-json");
        String base = LOCAL.server().uri("/").toString();
        assertThat(docs.keySet()).containsExactlyInAnyOrder(base + "zhengce/zuixin/content/202611/content_7010001.htm",
                "https://www.gov.cn/zhengce/content/202611/content_7010002.htm", base + "zhengce/content/202611/content_7010003.htm");
        JsonNode ai = docs.get(base + "zhengce/zuixin/content/202611/content_7010001.htm");
        assertThat(ai.path("title").asText()).isEqualTo("国务院关于深入实施“人工智能+”行动的意见");
        assertThat(ai.path("published").asText()).isEqualTo("2026-11-29T16:00:00Z"); // midnight in Beijing
        assertThat(ai.path("published_estimated").asBoolean()).isFalse();
        assertThat(texts(ai.path("topics"))).contains("ai");
        assertThat(texts(docs.get("https://www.gov.cn/zhengce/content/202611/content_7010002.htm").path("topics"))).contains("5g");
        assertThat(texts(docs.get(base + "zhengce/content/202611/content_7010003.htm").path("topics"))).contains("cyber");
    }

    @Test
    void theXinhuaDatasourceShapeIsIndexedWithTimesAndSummaries(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/tech/ds_11c0f8b2.json", LocalHttpServer.Resource.ok(XINHUA.getBytes(StandardCharsets.UTF_8),
                "application/json; charset=utf-8"));
        config(dir, """
                  - id: xinhua-json
                    name: Xinhua tech channel (test)
                    region: CN
                    language: zh
                    kind: json
                    url: %s
                    schedule: 30m
                    json: { items: "$.datasource[*]", title: title, link: publishUrl, date: publishTime, summary: summary }
                """.formatted(LOCAL.server().uri("/tech/ds_11c0f8b2.json")));
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();

        Map<String, JsonNode> docs = IndexedItems.byUrl(LOCAL.es().client(), "xinhua-json");
        assertThat(docs).hasSize(3);
        JsonNode quantum = docs.get("https://www.news.cn/tech/20261130/a1/c.html");
        assertThat(quantum.path("title").asText()).isEqualTo("量子计算原型机实现新突破");
        assertThat(quantum.path("published").asText()).isEqualTo("2026-11-30T01:41:00Z");
        assertThat(quantum.path("summary").asText()).contains("量子计算领域");
        assertThat(texts(quantum.path("topics"))).contains("quantum");
        JsonNode chain = docs.get("https://www.news.cn/tech/20261129/a2/c.html");
        assertThat(chain.path("published").asText()).isEqualTo("2026-11-29T01:41:00Z"); // epoch millis
        assertThat(texts(chain.path("topics"))).contains("blockchain");
        JsonNode cyber = docs.get("https://www.news.cn/tech/20261128/a3/c.html");
        assertThat(cyber.path("title").asText()).isEqualTo("网络安全宣传周在京开幕");
        assertThat(texts(cyber.path("topics"))).contains("cyber");
    }

    /** follow: true fetches each linked page for its text; a POST endpoint gets its body, headers and user agent. */
    @Test
    void aPostedEndpointIsFollowedToItsPagesWithTheSourcesHeadersAndUserAgent(@TempDir Path dir) throws Exception {
        LOCAL.server().serve("/api/search/info", LocalHttpServer.Resource.ok("""
                {"success": true, "data": {"searchResult": {"dataResults": [
                  {"data": {"title": "工业和信息化部关于推动人工智能产业创新发展的指导意见", "url": "/zwgk/zcwj/art/ai.html",
                            "publishTime": "2026-11-25 15:30:00"}}
                ]}}}""".getBytes(StandardCharsets.UTF_8), "application/json"));
        LOCAL.server().serve("/zwgk/zcwj/art/ai.html", LocalHttpServer.Resource.ok("""
                <html><head><title>指导意见</title></head><body><div class="nav"><a href="/">首页</a></div>
                <div id="TRS_Editor"><p>推动人工智能大模型在制造业的应用，建设人工智能算力基础设施，培育一批人工智能产业集群。</p>
                <p>各地工业和信息化主管部门要加强组织实施，确保各项任务落到实处。</p></div></body></html>"""
                .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        config(dir, """
                  - id: miit-json
                    name: MIIT search service (test)
                    region: CN
                    language: zh
                    kind: json
                    url: %s
                    method: POST
                    body: "websiteid=110000000000000&category=196&pg=10&p=1"
                    headers: { Referer: "%s", Content-Type: "application/x-www-form-urlencoded" }
                    user_agent: "Mozilla/5.0 (compatible; PolicyRadar-test)"
                    schedule: 1h
                    json: { items: "$.data.searchResult.dataResults[*]", title: data.title, link: data.url, date: data.publishTime }
                    follow: true
                """.formatted(LOCAL.server().uri("/api/search/info"), LOCAL.server().uri("/zwgk/zcwj/index.html")));
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();

        JsonNode item = IndexedItems.byUrl(LOCAL.es().client(), "miit-json").get(LOCAL.server().uri("/zwgk/zcwj/art/ai.html").toString());
        assertThat(item).isNotNull();
        assertThat(item.path("text").asText()).contains("人工智能算力基础设施").doesNotContain("首页");
        assertThat(item.path("published").asText()).isEqualTo("2026-11-25T07:30:00Z");
        assertThat(texts(item.path("topics"))).contains("ai");
        LocalHttpServer.Request api = LOCAL.server().requests().stream().filter(r -> r.path().equals("/api/search/info")).findFirst().orElseThrow();
        assertThat(api.method()).isEqualTo("POST");
        assertThat(api.headers().get("Referer")).containsExactly(LOCAL.server().uri("/zwgk/zcwj/index.html").toString());
        assertThat(api.headers().get("User-agent")).containsExactly("Mozilla/5.0 (compatible; PolicyRadar-test)");
        LocalHttpServer.Request page = LOCAL.server().requests().stream().filter(r -> r.path().equals("/zwgk/zcwj/art/ai.html")).findFirst().orElseThrow();
        assertThat(page.method()).isEqualTo("GET");
        assertThat(page.headers().get("User-agent")).containsExactly("Mozilla/5.0 (compatible; PolicyRadar-test)");
    }
}
