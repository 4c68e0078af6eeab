package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.process.elasticsearch.EmbeddedElasticsearch;
import org.policyradar.spool.SpoolContents;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.RejectingElasticsearchProxy;

/**
 * Elasticsearch lost in the middle of a large run, against a real node of its own: a failsafe IT, since 10,000 entries
 * are classified (about 3 minutes on 2 cores).
 */
class ElasticsearchOutageIT {
    private static EmbeddedElasticsearch node;

    @BeforeAll
    static void startNode() throws Exception {
        Path base = Files.createTempDirectory(Path.of("/tmp"), "radar-outage-it-es-");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // fixed for every start: the configuration keeps pointing at it
        }
        node = new EmbeddedElasticsearch(Path.of(System.getProperty("radar.es.distribution")), base,
                Path.of(System.getProperty("java.home")), "384m", port);
        node.start(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    /** How Elasticsearch goes away in the middle of a run. */
    enum Outage { STOPPED_FOR_20_S, KILLED_DURING_A_BULK }

    /**
     * Elasticsearch goes away in the middle of {@code run --once} (stopped while 5 feeds of 2,000 entries are polled,
     * or killed with SIGKILL while 2 of 1,000 are being sent), and comes back 20 s later: within {@code --wait-es}
     * every entry is indexed, nothing is left in the spool, and the run exits 0. Exactly once: the count equals the
     * entries served, and a document's id is the hash of its canonical URL, so no entry can be there twice.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Outage.class)
    void elasticsearchGoneInTheMiddleOfARunAndBackWithinWaitEsEndsWithEverythingIndexedOnce(Outage outage, @TempDir Path dir)
            throws Exception {
        int feeds = outage == Outage.STOPPED_FOR_20_S ? 5 : 2;
        int perFeed = outage == Outage.STOPPED_FOR_20_S ? 2_000 : 1_000;
        String prefix = "mid-" + outage.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        try (LocalHttpServer server = new LocalHttpServer()) {
            String url = node.start(Duration.ofMinutes(4)).url();
            StringBuilder sources = new StringBuilder("sources:\n");
            for (int f = 0; f < feeds; f++) {
                String id = prefix + "-" + f;
                server.serve("/" + id + ".xml", LocalHttpServer.Resource.ok(BigPollTest.feed(id, perFeed, f), "application/rss+xml"));
                sources.append("  - {id: %s, name: Mid %d, region: EU, language: en, kind: feed, url: \"%s\", schedule: 1h}\n"
                        .formatted(id, f, server.uri("/" + id + ".xml")));
            }
            Files.writeString(dir.resolve("sources.yaml"), sources);
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n".formatted(url, dir.resolve("data")));
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<CliHarness.Result> run = runner.submit(() -> CliHarness.run("run", "--once", "--wait-es", "2m", "--config", dir.toString()));
            runner.shutdown();

            // The first feed's items are in: the others are being classified or sent right now.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> count(url, prefix) > 0 || run.isDone());
            assertThat(run.isDone()).as("the run is still going").isFalse();
            if (outage == Outage.KILLED_DURING_A_BULK) {
                killNode();
            }
            node.stop();
            Thread.sleep(20_000);
            assertThat(node.start(Duration.ofMinutes(4)).url()).isEqualTo(url);

            CliHarness.Result result = run.get(5, TimeUnit.MINUTES);
            assertThat(result.code()).as(result.out() + result.err()).isZero();
            assertThat(count(url, prefix)).isEqualTo((long) feeds * perFeed);
            try (var files = Files.list(dir.resolve("data/spool/pending"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".batch"))).isEmpty();
            }
        }
    }

    /**
     * Elasticsearch killed with SIGKILL with a bulk request in flight, deterministically: a proxy forwards the run's
     * bulk request, holds the node's answer, the node is killed, and the connection is dropped unanswered, as when a
     * node dies after applying a request and before answering it. The batch stays in the spool, is replayed once the
     * node is back within {@code --wait-es}, and the run exits 0 with every entry indexed once (the replay rewrites the
     * same ids), none marked a duplicate of itself, and nothing left in the spool.
     */
    @Test
    void killedWithABulkRequestInFlightNothingIsLostAndNothingIsIndexedTwice(@TempDir Path dir) throws Exception {
        String source = "bulk-in-flight";
        int entries = 300;
        String url = node.start(Duration.ofMinutes(4)).url();
        try (LocalHttpServer server = new LocalHttpServer(); RejectingElasticsearchProxy proxy = new RejectingElasticsearchProxy(url)) {
            server.serve("/wire.xml", LocalHttpServer.Resource.ok(BigPollTest.feed(source, entries, 5), "application/rss+xml"));
            OneFeedConfig.write(dir, source, server.uri("/wire.xml"), "1h", proxy.url());
            proxy.holdResponses((path, body) -> path.endsWith("/_bulk") && body.contains(source));
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<CliHarness.Result> run = runner.submit(() -> CliHarness.run("run", "--once", "--wait-es", "2m", "--config", dir.toString()));
            runner.shutdown();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> proxy.held() > 0 || run.isDone());
            assertThat(run.isDone()).as("the run is waiting for the bulk answer").isFalse();
            killNode();
            node.stop();
            proxy.release(); // the answer is lost with the node: the connection drops
            assertThat(new SpoolContents(dir.resolve("data/spool"), ElasticsearchConnection.objectMapper()).waiting())
                    .as("the batch Elasticsearch took but never confirmed stays spooled").singleElement()
                    .satisfies(w -> assertThat(w.items()).isEqualTo(entries));
            assertThat(node.start(Duration.ofMinutes(4)).url()).isEqualTo(url);

            CliHarness.Result result = run.get(5, TimeUnit.MINUTES);
            assertThat(result.code()).as(result.out() + result.err()).isZero();
            assertThat(count(url, source)).isEqualTo(entries);
            try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(url), null)) {
                assertThat(es.client().count(c -> c.index("radar-items").query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("source.id").value(source))).filter(f -> f.exists(e -> e.field("duplicate_of"))))))
                        .count()).as("no entry marked a duplicate of its own first write").isZero();
            }
            try (var files = Files.list(dir.resolve("data/spool/pending"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".batch"))).isEmpty();
            }
        }
    }

    /** SIGKILL to the node and its children: no shutdown, no flush. */
    private static void killNode() {
        long pid = node.running().orElseThrow().pid();
        ProcessHandle.of(pid).ifPresent(h -> {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        });
    }

    private static long count(String url, String sourcePrefix) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(url), null)) {
            es.client().indices().refresh(r -> r.index("radar-items"));
            return es.client().count(c -> c.index("radar-items").query(q -> q.prefix(p -> p.field("source.id").value(sourcePrefix)))).count();
        } catch (Exception e) {
            return 0; // not there yet, or being stopped
        }
    }

}
