package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.process.elasticsearch.EmbeddedElasticsearch;
import org.policyradar.testing.LocalHttpServer;

/**
 * Fault injection against a real Elasticsearch of its own: it is stopped between two runs, items fetched meanwhile
 * are spooled, and after it is started again every item is indexed exactly once.
 */
class ElasticsearchOutageTest {

    @Test
    void itemsFetchedWhileElasticsearchIsStoppedAreIndexedOnceItIsBack(@TempDir Path dir) throws Exception {
        Path base = Files.createTempDirectory(Path.of("/tmp"), "radar-outage-es-");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // fixed for both starts: the configuration keeps pointing at it
        }
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(Path.of(System.getProperty("radar.es.distribution")), base,
                Path.of(System.getProperty("java.home")), "256m", port);
        try (LocalHttpServer server = new LocalHttpServer()) {
            String url = node.start(Duration.ofMinutes(4)).url();
            server.serve("/outage.xml", LocalHttpServer.Resource.ok(feed(0, 5), "application/rss+xml"));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: outage-wire, name: Outage, region: CN, language: en, kind: feed, url: "%s", schedule: 1h}
                    """.formatted(server.uri("/outage.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n".formatted(url, dir.resolve("data")));
            CliHarness.Result first = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(count(url)).isEqualTo(5);

            node.stop();
            server.serve("/outage.xml", LocalHttpServer.Resource.ok(feed(0, 12), "application/rss+xml"));
            CliHarness.Result during = CliHarness.run("run", "--once", "--wait-es", "2s", "--config", dir.toString());
            assertThat(during.out()).containsPattern("outage-wire\\s+200\\s+12\\s+0\\s+0\\s+0\\s+0\\s+12");
            assertThat(during.code()).isEqualTo(3);
            assertThat(during.out()).contains("spool: 1 batch(es) not yet taken by Elasticsearch");

            String again = node.start(Duration.ofMinutes(4)).url();
            assertThat(again).isEqualTo(url).as("same port: the config still points there");
            CliHarness.Result after = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(after.code()).as(after.err()).isZero();
            assertThat(count(url)).isEqualTo(12);
        } finally {
            node.stop();
        }
    }

    private static byte[] feed(int from, int to) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>o</title>");
        for (int i = from; i < to; i++) {
            sb.append("<item><title>MIIT notice ").append(i).append(" on 5G base stations</title><link>http://outage.example/")
                    .append(i).append("</link></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String url) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(url), null)) {
            es.client().indices().refresh(r -> r.index("radar-items"));
            return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value("outage-wire")))).count();
        }
    }
}
