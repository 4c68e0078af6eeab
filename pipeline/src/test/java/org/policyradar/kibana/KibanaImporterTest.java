package org.policyradar.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import against a real local HTTP server standing in for Kibana. */
class KibanaImporterTest {
    record Recorded(String method, String path, String query, String xsrf, String contentType, String auth, String body) {
    }

    private HttpServer server;
    private final AtomicReference<Recorded> recorded = new AtomicReference<>();
    private volatile String answer;
    private volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            recorded.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), h.getFirst("kbn-xsrf"), h.getFirst("Content-Type"),
                    h.getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void postsTheNdjsonAsMultipartFileWithXsrfHeaderAndOverwrite() throws Exception {
        byte[] ndjson = Files.readAllBytes(KibanaValidatorTest.SHIPPED);
        int objects = SavedObjects.parse(new String(ndjson, StandardCharsets.UTF_8)).lines().size();
        answer = "{\"success\":true,\"successCount\":" + objects + "}";
        var target = KibanaImporter.Target.fromEnv(Map.of("RADAR_KIBANA_URL", url(), "RADAR_KIBANA_API_KEY", "k3y"), null, null);
        KibanaImporter.Result result = new KibanaImporter().importFile(target, "policyradar.ndjson", ndjson);
        assertThat(result.success()).isTrue();
        assertThat(result.successCount()).isEqualTo(objects);
        assertThat(result.errors()).isEmpty();
        Recorded r = recorded.get();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/saved_objects/_import");
        assertThat(r.query()).isEqualTo("overwrite=true");
        assertThat(r.xsrf()).isEqualTo("true");
        assertThat(r.auth()).isEqualTo("ApiKey k3y");
        assertThat(r.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = r.contentType().substring(r.contentType().indexOf("boundary=") + 9);
        assertThat(r.body()).startsWith("--" + boundary + "\r\n")
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"policyradar.ndjson\"")
                .contains(new String(ndjson, StandardCharsets.UTF_8))
                .endsWith("--" + boundary + "--\r\n");
    }

    @Test
    void usesTheSpaceAndBasicAuthAndReportsPerObjectErrors() throws Exception {
        answer = "{\"success\":false,\"successCount\":1,\"errors\":[{\"id\":\"lens-top-actors\",\"type\":\"lens\","
                + "\"meta\":{\"title\":\"Top actors\"},\"error\":{\"type\":\"missing_references\",\"references\":"
                + "[{\"type\":\"index-pattern\",\"id\":\"radar-items\"}]}}]}";
        var target = KibanaImporter.Target.fromEnv(Map.of("RADAR_KIBANA_USERNAME", "elastic", "RADAR_KIBANA_PASSWORD", "pw"),
                url() + "/", "policy");
        KibanaImporter.Result result = new KibanaImporter().importFile(target, "x.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.success()).isFalse();
        assertThat(result.successCount()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("lens-top-actors");
            assertThat(e.title()).isEqualTo("Top actors");
            assertThat(e.error()).contains("missing_references", "radar-items");
        });
        assertThat(recorded.get().path()).isEqualTo("/s/policy/api/saved_objects/_import");
        assertThat(recorded.get().auth()).isEqualTo("Basic ZWxhc3RpYzpwdw==");
        assertThat(target.space()).isEqualTo(Optional.of("policy"));
    }

    @Test
    void importCommandReportsTheCountAndExitsOneOnErrors() throws Exception {
        answer = "{\"success\":true,\"successCount\":40}";
        java.io.StringWriter out = new java.io.StringWriter();
        int code = KibanaValidatorTest.radar(Map.of("RADAR_KIBANA_URL", url()), out, "kibana", "import", "--space", "s1",
                "--file", KibanaValidatorTest.SHIPPED.toString(), "--config", KibanaValidatorTest.CONFIG.toString());
        assertThat(code).as(out.toString()).isZero();
        // The shipped objects and a saved search per watch of config/alerts.yaml, in one import.
        assertThat(recorded.get().body()).contains("\"id\":\"dashboard-overview\"", "\"id\":\"search-watch-huawei-chips\"",
                "\"id\":\"search-watch-ai-act\"");
        assertThat(out.toString()).contains("40 object(s) imported");
        assertThat(recorded.get().path()).isEqualTo("/s/s1/api/saved_objects/_import");
        assertThat(recorded.get().auth()).isNull();

        answer = "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"radar-items\",\"type\":\"index-pattern\","
                + "\"title\":\"radar-items\",\"error\":{\"type\":\"conflict\"}}]}";
        java.io.StringWriter failed = new java.io.StringWriter();
        assertThat(KibanaValidatorTest.radar(Map.of(), failed, "kibana", "import", "--url", url(),
                "--file", KibanaValidatorTest.SHIPPED.toString())).isEqualTo(1);
        assertThat(failed.toString()).contains("FAIL index-pattern radar-items (radar-items): conflict");
    }

    @Test
    void defaultsToLocalKibana() {
        assertThat(KibanaImporter.Target.fromEnv(Map.of(), null, null).url()).isEqualTo("http://127.0.0.1:5601");
        assertThat(List.of(KibanaImporter.DEFAULT_URL)).containsExactly("http://127.0.0.1:5601");
    }
}
