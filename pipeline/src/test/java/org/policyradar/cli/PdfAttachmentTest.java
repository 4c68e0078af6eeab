package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.IndexedItems;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;
import org.policyradar.testing.TestPdfs;

/**
 * PDF attachments of a followed, tracked html source, from a real local server into the real test Elasticsearch:
 * a PDF served as application/pdf and a Chinese one served as application/octet-stream (found by its bytes) are
 * indexed with their text and {@code content_type}, next to an HTML page; an edited PDF gets a second version whose
 * word diff shows the edit.
 */
class PdfAttachmentTest {
    private static final String TARGET = "The plan sets a target of %s base stations per 10,000 people by 2027, and every member "
            + "state reports on its progress in 5G network deployment to the Commission each year.";
    private static final String ZH = "为加快5G网络建设，推动5G基站共建共享，到2027年每万人拥有5G基站数达到38个，各省每年报告落实情况。";

    private static byte[] plan(String target) {
        return TestPdfs.latin(List.of(List.of("Digital Decade: 5G deployment plan", TARGET.formatted(target)),
                List.of("Annex: cyber security requirements for network operators apply from the same date.")));
    }

    @Test
    void pdfAttachmentsAreIndexedWithTheirTextAndVersionedWhenTracked(@TempDir Path dir) throws Exception {
        boolean zh = TestPdfs.cjkFontAvailable();
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.serve("/docs/index.html", LocalHttpServer.Resource.ok("""
                    <html><body><ul class="list">
                      <li><a href="plan.pdf">5G deployment plan (PDF)</a><span>2026-11-20</span></li>
                      <li><a href="notice">关于推进5G网络建设的通知</a><span>2026-11-21</span></li>
                      <li><a href="page.html">Press release</a><span>2026-11-22</span></li>
                    </ul></body></html>""".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
            server.serve("/docs/plan.pdf", LocalHttpServer.Resource.withEtag(plan("38"), "application/pdf", "\"plan-1\""));
            server.serve("/docs/notice", LocalHttpServer.Resource.ok(zh ? TestPdfs.chinese(List.of(List.of("关于推进5G网络建设的通知", ZH)))
                    : TestPdfs.latin(List.of(List.of("Notice on 5G network construction."))), "application/octet-stream"));
            server.serve("/docs/page.html", LocalHttpServer.Resource.ok(("<html><head><title>Press release</title></head><body>"
                    + "<div class=\"article\"><p>The Commission published its 5G deployment plan today, with targets for every member "
                    + "state and a review in two years.</p></div></body></html>").getBytes(StandardCharsets.UTF_8), "text/html"));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - id: pdf-docs
                        name: Policy documents with PDF attachments
                        region: EU
                        language: en
                        kind: html
                        url: %s
                        schedule: 1h
                        listing: { item: "ul.list li", link: "a", title: "a", date: "span" }
                        follow: true
                        track_changes: true
                    """.formatted(server.uri("/docs/index.html")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\npoliteness: {host_delay: 20ms}\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));

            CliHarness.Result first = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(first.code()).as(first.out() + first.err()).isZero();
            String planUrl = server.uri("/docs/plan.pdf").toString();
            String noticeUrl = server.uri("/docs/notice").toString();
            Map<String, JsonNode> docs = docs();
            assertThat(docs).containsOnlyKeys(planUrl, noticeUrl, server.uri("/docs/page.html").toString());
            JsonNode planDoc = docs.get(planUrl);
            assertThat(planDoc.path("content_type").asText()).isEqualTo("application/pdf");
            assertThat(planDoc.path("title").asText()).isEqualTo("5G deployment plan (PDF)");
            assertThat(planDoc.path("text").asText()).contains(TARGET.formatted("38"))
                    .contains("Annex: cyber security requirements for network operators apply from the same date.");
            assertThat(planDoc.path("topics").toString()).contains("5g");
            JsonNode notice = docs.get(noticeUrl);
            assertThat(notice.path("content_type").asText()).isEqualTo("application/pdf");
            if (zh) {
                assertThat(notice.path("text").asText()).contains(ZH);
                assertThat(notice.path("lang").asText()).isEqualTo("zh");
            }
            assertThat(docs.get(server.uri("/docs/page.html").toString()).path("content_type").asText()).isEqualTo("text/html");
            assertThat(versions(planUrl)).hasSize(1);

            server.serve("/docs/plan.pdf", LocalHttpServer.Resource.withEtag(plan("50"), "application/pdf", "\"plan-2\""));
            CliHarness.Result second = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(second.code()).as(second.out() + second.err()).isZero();
            List<JsonNode> versions = versions(planUrl);
            assertThat(versions).extracting(v -> v.path("version").asInt()).containsExactly(1, 2);
            assertThat(versions.get(1).path("diff").asText()).contains("[-38-]{+50+}");
            assertThat(docs().get(planUrl).path("text").asText()).contains(TARGET.formatted("50"));
        }
    }

    private static Map<String, JsonNode> docs() throws Exception {
        return IndexedItems.ofSource("pdf-docs");
    }

    private static List<JsonNode> versions(String url) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            es.client().indices().refresh(r -> r.index("radar-versions"));
            SearchResponse<JsonNode> r = es.client().search(s -> s.index("radar-versions").size(100)
                    .query(q -> q.term(t -> t.field("url").value(url))).sort(o -> o.field(f -> f.field("version"))), JsonNode.class);
            return r.hits().hits().stream().map(h -> h.source()).toList();
        }
    }
}
