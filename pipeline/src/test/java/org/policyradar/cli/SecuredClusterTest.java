package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.NginxTlsProxy;
import org.policyradar.testing.TestElasticsearch;
import org.slf4j.LoggerFactory;

/**
 * A secured cluster for real: the pipeline reaches the real Elasticsearch through nginx with TLS (a certificate made
 * by the test, trusted through {@code RADAR_ES_CA_FILE}) and basic authentication or an API-key check. Wrong
 * credentials stop the run with one line naming the URL and the status; no secret appears in any output or log line.
 */
class SecuredClusterTest {
    private static final String USER = "radar-writer";
    private static final String PASSWORD = "s3cret-Pa55-" + Long.toHexString(System.nanoTime());
    private static final String API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw" + "==";
    private static LocalHttpServer server;
    private static NginxTlsProxy proxy;
    private static ElasticsearchConnection es;
    private static Path proxyDir;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalHttpServer();
        proxyDir = Files.createTempDirectory(Path.of("/tmp"), "radar-nginx-");
        proxy = new NginxTlsProxy(proxyDir, TestElasticsearch.url(), USER, PASSWORD, API_KEY);
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        server.close();
        if (es != null) {
            es.close();
        }
        // Certificate, key, htpasswd, nginx's logs; its (empty) temp directories belong to its workers' user.
        try (var files = Files.list(proxyDir)) {
            files.forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // best effort: under /tmp
        }
        proxyDir.toFile().delete();
    }

    private Path config(Path dir, String sourceId) throws Exception {
        server.serve("/" + sourceId + ".xml", LocalHttpServer.Resource.ok(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Cyber security act 1</title><link>http://" + sourceId + ".example/1</link></item>"
                + "<item><title>Cyber security act 2</title><link>http://" + sourceId + ".example/2</link></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: %s, name: Secured, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                """.formatted(sourceId, server.uri("/" + sourceId + ".xml")));
        Files.writeString(dir.resolve("radar.yaml"), "data_dir: \"%s\"\n".formatted(dir.resolve("data")));
        return dir;
    }

    private static CliHarness.Result run(Map<String, String> env, String... args) {
        return CliHarness.run(env, new ByteArrayInputStream(new byte[0]), args);
    }

    @Test
    void basicAuthOverTlsIndexesEverything(@TempDir Path dir) throws Exception {
        config(dir, "secured-basic");
        CliHarness.Result run = run(Map.of("RADAR_ES_URL", proxy.basicAuthUrl(), "RADAR_ES_CA_FILE", proxy.caFile().toString(),
                "RADAR_ES_USERNAME", USER, "RADAR_ES_PASSWORD", PASSWORD), "run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(count("secured-basic")).isEqualTo(2);
        assertThat(Files.readString(proxyDir.resolve("access.log"))).contains("\"POST /_bulk").contains(USER);
    }

    @Test
    void anApiKeyOverTlsIndexesEverything(@TempDir Path dir) throws Exception {
        config(dir, "secured-apikey");
        CliHarness.Result run = run(Map.of("RADAR_ES_URL", proxy.apiKeyUrl(), "RADAR_ES_CA_FILE", proxy.caFile().toString(),
                "RADAR_ES_API_KEY", API_KEY), "run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(count("secured-apikey")).isEqualTo(2);
    }

    @Test
    void wrongCredentialsGiveOneLineNamingTheUrlAndTheStatusAndNoSecretAnywhere(@TempDir Path dir) throws Exception {
        config(dir, "secured-wrong");
        String wrongPassword = "wr0ng-" + PASSWORD;
        String wrongKey = "d3Jvbmc6a2V5" + "==";
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            CliHarness.Result basic = run(Map.of("RADAR_ES_URL", proxy.basicAuthUrl(), "RADAR_ES_CA_FILE", proxy.caFile().toString(),
                    "RADAR_ES_USERNAME", USER, "RADAR_ES_PASSWORD", wrongPassword), "run", "--once", "--config", dir.toString());
            CliHarness.Result key = run(Map.of("RADAR_ES_URL", proxy.apiKeyUrl(), "RADAR_ES_CA_FILE", proxy.caFile().toString(),
                    "RADAR_ES_API_KEY", wrongKey), "sources", "--config", dir.toString());

            for (var c : List.of(Map.entry(basic, proxy.basicAuthUrl()), Map.entry(key, proxy.apiKeyUrl()))) {
                CliHarness.Result r = c.getKey();
                assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
                assertThat(r.err().lines()).singleElement().asString()
                        .isEqualTo("radar: Elasticsearch at " + c.getValue() + " refused the credentials: HTTP 401 Unauthorized "
                                + "(check RADAR_ES_USERNAME and RADAR_ES_PASSWORD, or RADAR_ES_API_KEY, and the user's privileges)");
            }
            assertThat(count("secured-wrong")).isZero();
            String everything = basic.out() + basic.err() + key.out() + key.err() + log.list.stream()
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .collect(Collectors.joining("\n"));
            assertThat(everything).doesNotContain(wrongPassword).doesNotContain(PASSWORD).doesNotContain(wrongKey)
                    .doesNotContain(API_KEY).doesNotContain("\tat ");
            assertThat(log.list).isNotEmpty();
        } finally {
            root.detachAppender(log);
        }
    }

    private static long count(String sourceId) throws Exception {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(sourceId)))).count();
    }
}
