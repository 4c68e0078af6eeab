package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * An instance that fetched while Elasticsearch was unreachable and never comes back: another instance (its own data
 * directory) sends the dead one's spool with {@code radar spool replay --from DIR}.
 */
class SpoolReplayCommandTest {

    @Test
    void anotherInstanceIndexesWhatTheDeadOnesSpoolHolds(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>r</title>");
            for (int i = 0; i < 4; i++) {
                feed.append("<item><title>Replay notice ").append(i).append(" on quantum networks</title><link>http://replay.example/")
                        .append(i).append("</link></item>");
            }
            server.serve("/replay.xml", LocalHttpServer.Resource.ok(feed.append("</channel></rss>").toString()
                    .getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
            String sources = """
                    sources:
                      - {id: replay-wire, name: Replay, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                    """.formatted(server.uri("/replay.xml"));
            Path dead = Files.createDirectories(dir.resolve("dead"));
            Files.writeString(dead.resolve("sources.yaml"), sources);
            // Nothing listens on port 1: the dead instance could only spool.
            Files.writeString(dead.resolve("radar.yaml"), "elasticsearch: {url: \"http://127.0.0.1:1\"}\ndata_dir: \"%s\"\n"
                    .formatted(dir.resolve("dead-data")));
            CliHarness.Result run = CliHarness.run("run", "--once", "--wait-es", "0s", "--config", dead.toString());
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains("spool: 1 batch(es) not yet taken");

            Path survivor = Files.createDirectories(dir.resolve("survivor"));
            Files.writeString(survivor.resolve("sources.yaml"), sources);
            Files.writeString(survivor.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("survivor-data")));
            CliHarness.Result replay = CliHarness.run("spool", "replay", "--from", dir.resolve("dead-data").toString(),
                    "--config", survivor.toString());
            assertThat(replay.code()).as(replay.out() + replay.err()).isZero();
            assertThat(replay.out()).contains("batches=1 sent=1 still_waiting=0 dead_lettered=0");

            try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
                assertThat(es.client().count(c -> c.index("radar-items")
                        .query(q -> q.term(t -> t.field("source.id").value("replay-wire")))).count()).isEqualTo(4);
            }
            // The dead spool is empty now: replaying it again sends nothing.
            assertThat(CliHarness.run("spool", "replay", "--from", dir.resolve("dead-data").toString(), "--config", survivor.toString())
                    .out()).contains("batches=0 sent=0");
            assertThat(CliHarness.run("spool", "replay", "--from", dir.resolve("nowhere").toString(), "--config", survivor.toString())
                    .err()).contains("--from: " + dir.resolve("nowhere") + " is not a directory");
        }
    }
}
