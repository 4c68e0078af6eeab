package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.SmallTmpfs;
import org.policyradar.testing.TestElasticsearch;

/**
 * The spool's disk full, for real: a 2 MB tmpfs mounted over {@code DATA_DIR/spool} and filled up. The poll fails
 * with a clear error naming the spool and the source, commits nothing (no validators, no batch), and once there is
 * room again the next run fetches the feed afresh (200, not 304) and indexes every entry. Needs root for
 * {@code mount -t tmpfs} (CI runs as root); as another user the test is skipped, saying why.
 */
class SpoolDiskFullTest {

    @Test
    void aFullSpoolDiskRefusesTheBatchWithAClearErrorAndNothingIsLostOnceThereIsRoom(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(SmallTmpfs.available(), "mount -t tmpfs needs root; CI runs as root");
        Path spool = dir.resolve("data/spool");
        try (SmallTmpfs disk = SmallTmpfs.mount(spool, "2m");
             LocalHttpServer server = new LocalHttpServer();
             ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            Files.createDirectories(spool.resolve("pending"));
            Path filler = spool.resolve("filler");
            disk.fill(filler);
            server.serve("/full.xml", LocalHttpServer.Resource.withEtag(BigPollTest.feed("disk-full", 200, 7), "application/rss+xml", "\"f1\""));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: disk-full-wire, name: Disk full, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                    """.formatted(server.uri("/full.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));

            CliHarness.Result full = CliHarness.run("run", "--once", "--wait-es", "1s", "--config", dir.toString());
            assertThat(full.code()).isEqualTo(3);
            assertThat(full.out()).containsPattern("disk-full-wire\\s+200\\s+200\\s+0\\s+0\\s+0\\s+0\\s+0\\s+spool " + spool
                    + " cannot take 200 items of source disk-full-wire: No space left on device \\(free space there;");
            try (var files = Files.list(spool.resolve("pending"))) {
                assertThat(files.toList()).as("no batch, no half-written file").isEmpty();
            }
            assertThat(count(es)).isZero();

            Files.delete(filler); // room again
            CliHarness.Result after = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(after.code()).as(after.out() + after.err()).isZero();
            assertThat(after.out()).containsPattern("disk-full-wire\\s+200\\s+200\\s+200\\s+0\\s+0\\s+0\\s+0");
            assertThat(server.requests().stream().filter(r -> r.path().equals("/full.xml")).map(LocalHttpServer.Request::status))
                    .as("the failed poll committed no validators").containsExactly(200, 200);
            assertThat(count(es)).isEqualTo(200);
        }
    }

    private static long count(ElasticsearchConnection es) throws IOException {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value("disk-full-wire")))).count();
    }
}
