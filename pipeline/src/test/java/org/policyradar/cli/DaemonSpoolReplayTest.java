package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.RejectingElasticsearchProxy;
import org.policyradar.testing.TestElasticsearch;

/**
 * Nothing waits in the daemon's spool for the next poll: with Elasticsearch answering every bulk request with 429
 * (a real proxy in front of the real node), the daemon's one poll of an hourly source spools its batch and
 * {@code radar sources} shows the items waiting; once Elasticsearch takes writes again, the daemon's own replay
 * (every 30 s) indexes every item, without another poll of the source, and the spool is empty. In the test JVM,
 * through the same {@link IngestionPipeline} and {@code Ingestion.runUntil} as {@code radar run}.
 */
class DaemonSpoolReplayTest {
    private static final String SOURCE = "daemon-replay";
    private static final int ENTRIES = 30;

    @Test
    void itemsSpooledWhileElasticsearchRefusesAreIndexedByTheDaemonsReplayWithoutWaitingForTheNextPoll(@TempDir Path dir)
            throws Exception {
        try (LocalHttpServer server = new LocalHttpServer();
             RejectingElasticsearchProxy proxy = new RejectingElasticsearchProxy(TestElasticsearch.url());
             ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            server.serve("/feed.xml", LocalHttpServer.Resource.ok(BigPollTest.feed(SOURCE, ENTRIES, 31), "application/rss+xml"));
            OneFeedConfig.write(dir, SOURCE, server.uri("/feed.xml"), "1h", proxy.url());
            proxy.mode(RejectingElasticsearchProxy.Mode.REQUEST_429);
            try (InProcessDaemon daemon = InProcessDaemon.start(dir)) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).failFast(daemon::ended)
                        .until(() -> daemon.outcomes().all().stream().anyMatch(o -> o.spooled() == ENTRIES));
                assertThat(count(es)).isZero();
                assertThat(InProcessDaemon.sourceHealth(dir).path("spool_waiting").asInt()).as("radar sources shows them waiting")
                        .isEqualTo(ENTRIES);

                proxy.mode(RejectingElasticsearchProxy.Mode.FORWARD);
                await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500)).failFast(daemon::ended)
                        .until(() -> count(es) == ENTRIES);
                assertThat(server.requests().stream().filter(r -> r.path().equals("/feed.xml")))
                        .as("indexed by the replay, not by another poll").hasSize(1);
                assertThat(InProcessDaemon.sourceHealth(dir).path("spool_waiting").asInt()).isZero();
            }
        }
    }

    private static long count(ElasticsearchConnection es) throws IOException {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(SOURCE)))).count();
    }
}
