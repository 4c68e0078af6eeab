package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.HostilePages;
import org.policyradar.testing.IndexedItems;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * Bad input through the html source path of {@code run --once}, from a real local server: a listing links to a good
 * page and to binary garbage served as text/html, a page with invalid UTF-8, 100,000 nested divs, a page over the
 * size limit, a damaged PDF, a PNG and a damaged PDF disguised as text/html (readable PDFs: PdfAttachmentTest); two
 * feed sources serve HTML and a PNG. Each bad page is refused (or parsed within limits) with its source, URL and
 * reason in {@code radar sources}; the rest is indexed.
 */
class HostileHtmlSourceTest {
    private static final String PAGE = """
            <html><head><title>%s</title></head><body><div class="nav"><a href="/">Home</a></div>
            <div class="article"><h1>%s</h1><p>%s</p>
            <p>The measures apply to every province, autonomous region and municipality, and take effect next month.</p></div>
            </body></html>""";

    private static byte[] page(String title, String text) {
        return PAGE.formatted(title, title, text).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badPagesAreRefusedByNameAndTheGoodOnesAreIndexed(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            String[] links = {"good.html", "binary.html", "broken-utf8.html", "deep.html", "huge.html", "report.pdf",
                    "chart.png", "disguised.html"};
            StringBuilder listing = new StringBuilder("<html><body><ul class=\"list\">");
            for (String link : links) {
                listing.append("<li><a href=\"").append(link).append("\">").append(link).append("</a><span>2026-11-20</span></li>");
            }
            server.serve("/hostile/index.html", LocalHttpServer.Resource.ok(listing.append("</ul></body></html>").toString()
                    .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
            server.serve("/hostile/good.html", LocalHttpServer.Resource.ok(page("Cyber security law adopted",
                    "The cyber security law protects critical information infrastructure against network attacks."), "text/html"));
            byte[] garbage = new byte[200_000];
            new Random(42).nextBytes(garbage);
            server.serve("/hostile/binary.html", LocalHttpServer.Resource.ok(garbage, "text/html; charset=utf-8"));
            byte[] b = page("Quantum computing programme", "A national quantum computing programme XX starts.");
            String s = new String(b, StandardCharsets.UTF_8);
            int at = s.indexOf("XX");
            b[at] = (byte) 0xC3; // an illegal two-byte sequence start followed by ASCII
            b[at + 1] = (byte) 0xFF;
            server.serve("/hostile/broken-utf8.html", LocalHttpServer.Resource.ok(b, "text/html; charset=utf-8"));
            server.serve("/hostile/deep.html", LocalHttpServer.Resource.ok(
                    HostilePages.deeplyNested(100_000).getBytes(StandardCharsets.UTF_8), "text/html"));
            byte[] huge = new byte[21 * 1024 * 1024];
            java.util.Arrays.fill(huge, (byte) 'a');
            System.arraycopy("<html><body><p>".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 15);
            server.serve("/hostile/huge.html", LocalHttpServer.Resource.ok(huge, "text/html"));
            byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
            server.serve("/hostile/report.pdf", LocalHttpServer.Resource.ok(pdf, "application/pdf"));
            server.serve("/hostile/chart.png", LocalHttpServer.Resource.ok(
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, "image/png"));
            server.serve("/hostile/disguised.html", LocalHttpServer.Resource.ok(pdf, "text/html"));
            server.serve("/feeds/html.xml", LocalHttpServer.Resource.ok(page("Not a feed", "Just a page."), "text/html"));
            server.serve("/feeds/png.xml", LocalHttpServer.Resource.ok(
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}, "application/rss+xml"));

            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - id: hostile-html
                        name: Hostile listing
                        region: EU
                        language: en
                        kind: html
                        url: %s
                        schedule: 1h
                        listing: { item: "ul.list li", link: "a", title: "a", date: "span" }
                        follow: true
                      - {id: hostile-feed-html, name: HTML feed, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: hostile-feed-png, name: PNG feed, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                    """.formatted(server.uri("/hostile/index.html"), server.uri("/feeds/html.xml"), server.uri("/feeds/png.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\npoliteness: {host_delay: 20ms}\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));

            long started = System.nanoTime();
            CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("nothing stalls").isLessThan(Duration.ofSeconds(90));
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3); // the two feed sources fail
            assertThat(run.out()).containsPattern("hostile-html\\s+200\\s+8\\s+3\\s+0\\s+0\\s+5\\s+0");

            Map<String, JsonNode> docs = docs();
            assertThat(docs.keySet()).containsExactlyInAnyOrder(server.uri("/hostile/good.html").toString(),
                    server.uri("/hostile/broken-utf8.html").toString(), server.uri("/hostile/deep.html").toString());
            assertThat(docs.get(server.uri("/hostile/broken-utf8.html").toString()).path("text").asText())
                    .contains("national quantum computing programme").contains("starts.");
            assertThat(docs.get(server.uri("/hostile/deep.html").toString()).path("text").asText()).contains("5G base stations");

            CliHarness.Result sources = CliHarness.run("sources", "--json", "--config", dir.toString());
            Map<String, JsonNode> health = new HashMap<>();
            for (String line : sources.out().strip().split("\n")) {
                JsonNode n = new ObjectMapper().readTree(line);
                health.put(n.path("source").path("id").asText(), n);
            }
            JsonNode html = health.get("hostile-html");
            assertThat(html.path("state").asText()).isEqualTo("ok");
            assertThat(html.path("items_failed_last").asInt()).isEqualTo(5);
            List<String> errors = new ArrayList<>();
            html.path("item_errors_last").forEach(e -> errors.add(e.asText()));
            assertThat(errors).hasSize(5);
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("source=hostile-html").contains("/hostile/binary.html").contains("binary bytes"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("/hostile/huge.html").contains("larger than"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("/hostile/report.pdf").contains("PDF"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("/hostile/chart.png").contains("PNG image"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("/hostile/disguised.html").contains("PDF content served as text/html"));
            for (String feed : List.of("hostile-feed-html", "hostile-feed-png")) {
                assertThat(health.get(feed).path("state").asText()).isEqualTo("failing");
                assertThat(health.get(feed).path("last_error").asText()).contains("source=" + feed).contains("reason=");
            }
            CliHarness.Result table = CliHarness.run("sources", "--config", dir.toString());
            assertThat(table.out()).containsPattern("hostile-html .*ok .*url=\\S+/hostile/\\S+ reason=.*\\(\\+4 more\\)");
        }
    }

    private static Map<String, JsonNode> docs() throws Exception {
        return IndexedItems.ofSource("hostile-html");
    }
}
