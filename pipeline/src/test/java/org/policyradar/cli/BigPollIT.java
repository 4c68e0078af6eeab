package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * The largest poll the issue asks for: one feed of 50,000 different entries in one {@code run --once} (2.4 million
 * near-duplicate keys, 50 bulk requests), all indexed once and nothing left in the spool. A failsafe IT: classifying
 * 50,000 entries takes minutes on 2 cores.
 */
class BigPollIT {

    @Test
    void fiftyThousandNewEntriesInOnePollAreAllIndexedOnce(@TempDir Path dir) throws Exception {
        int entries = 50_000;
        try (LocalHttpServer server = new LocalHttpServer();
             ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            server.serve("/huge.xml", LocalHttpServer.Resource.ok(BigPollTest.feed("huge", 10, 50), "application/rss+xml"));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: huge-wire, name: Huge, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                    """.formatted(server.uri("/huge.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));
            assertThat(CliHarness.run("run", "--once", "--config", dir.toString()).code()).isZero(); // the week is not empty
            server.serve("/huge.xml", LocalHttpServer.Resource.ok(BigPollTest.feed("huge", entries, 50), "application/rss+xml"));

            long started = System.nanoTime();
            CliHarness.Result run = CliHarness.run("run", "--once", "--wait-es", "10s", "--config", dir.toString());
            System.out.printf("event=big_poll_measured entries=%d seconds=%.1f%n", entries, (System.nanoTime() - started) / 1e9);

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("huge-wire\\s+200\\s+50000\\s+49990\\s+0\\s+10\\s+0\\s+0");
            es.client().indices().refresh(r -> r.index("radar-items"));
            assertThat(es.client().count(c -> c.index("radar-items")
                    .query(q -> q.term(t -> t.field("source.id").value("huge-wire")))).count()).isEqualTo(entries);
            try (var files = Files.list(dir.resolve("data/spool/pending"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".batch"))).isEmpty();
            }
        }
    }
}
