package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.LocalHttpServer.Resource;

/**
 * {@code radar extract URL} fetches as a poll does: robots.txt is obeyed and a redirect may not lead to another host
 * (the link policy), through the pipeline's own fetcher.
 */
class ExtractCommandTest {
    private static final Path CONFIG = Path.of(System.getProperty("radar.home",
            Path.of("").toAbsolutePath().getParent().toString())).resolve("config");
    private static final String PAGE = "<html lang=\"en\"><head><title>Data Act enters into application</title></head><body>"
            + "<div class=\"nav\"><a href=\"/\">Home</a></div><article><h1>Data Act enters into application</h1>"
            + "<p>The Data Act applies from today across the Union, giving users of connected products access to the data "
            + "they generate and setting fair rules for cloud switching between providers in every member state.</p>"
            + "</article></body></html>";

    @Test
    void extractObeysRobotsTxtAndRefusesARedirectToAnotherHost(@TempDir Path data) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.serve("/robots.txt", Resource.ok("User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
            server.serve("/private/notice.html", Resource.ok(PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
            server.serve("/public/notice.html", Resource.ok(PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
            // "localhost" is another host than the input's 127.0.0.1, and a loopback one: a link may not go there
            server.serve("/moved", new Resource(new byte[0], null, null, 302),
                    Map.of("Location", server.uri("/public/notice.html").toString().replace("127.0.0.1", "localhost")));

            CliHarness.Result r = CliHarness.run(Map.of("RADAR_DATA_DIR", data.toString()),
                    new ByteArrayInputStream(new byte[0]), "extract", "--config", CONFIG.toString(), server.uri("/private/notice.html").toString(),
                    server.uri("/public/notice.html").toString(), server.uri("/moved").toString());

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            String[] lines = r.out().strip().split("\n");
            assertThat(lines).hasSize(3);
            ObjectMapper json = new ObjectMapper();
            JsonNode refused = json.readTree(lines[0]);
            assertThat(refused.path("error").asText()).contains("robots");
            assertThat(refused.has("text")).isFalse();
            JsonNode ok = json.readTree(lines[1]);
            assertThat(ok.path("title").asText()).isEqualTo("Data Act enters into application");
            assertThat(ok.path("text").asText()).contains("cloud switching").doesNotContain("Home");
            JsonNode redirected = json.readTree(lines[2]);
            assertThat(redirected.path("error").asText()).contains("redirected to").contains("localhost");
            assertThat(server.requests()).noneMatch(q -> q.path().equals("/private/notice.html"));
        }
    }
}
