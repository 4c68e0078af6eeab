package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.policyradar.alert.WatchState;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.process.elasticsearch.LocalCluster;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * Three local Elasticsearch nodes of the shipped distribution as one cluster, the pipeline pointed at all three
 * ({@code elasticsearch.url} a comma-separated list), and one node killed with SIGKILL in the middle of
 * {@code run --once}: first a data node that is not the elected master, then the elected master. Each time every
 * entry served is indexed exactly once, the indices carry one replica, and the run exits 0. A failsafe IT: three
 * nodes and 4,000 classified entries take about 3 minutes on 2 cores.
 */
class ElasticsearchClusterIT {
    private static final int FEEDS = 8;
    private static final int PER_FEED = 250;
    private static Path base;
    private static LocalCluster cluster;
    /** The node the previous case killed, started again before the next case (the last one leaves it dead). */
    private static String killedBefore;

    @BeforeAll
    static void startCluster() throws Exception {
        // Under /tmp: the nodes run as an unprivileged user when we are root, and must reach this directory.
        base = Files.createTempDirectory(Path.of("/tmp"), "radar-cluster-it-");
        cluster = new LocalCluster(Path.of(System.getProperty("radar.es.distribution")), base,
                Path.of(System.getProperty("java.home")), "256m", "radar-it-" + ProcessHandle.current().pid());
        long started = System.nanoTime();
        cluster.start(3, Duration.ofMinutes(4));
        System.out.printf("event=cluster_started nodes=3 heap=256m seconds=%.1f%n", (System.nanoTime() - started) / 1e9);
    }

    @BeforeEach
    void allThreeNodesUp() {
        if (killedBefore != null) {
            long restartedAt = System.nanoTime();
            cluster.restart(killedBefore, Duration.ofMinutes(3));
            assertThat(cluster.awaitStatus("green", 3, Duration.ofMinutes(3))).as("green again with the node back").isTrue();
            System.out.printf("event=cluster_node_back node=%s green_after_s=%.1f%n", killedBefore, (System.nanoTime() - restartedAt) / 1e9);
            killedBefore = null;
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        TestElasticsearch.deleteQuietly(base); // three nodes' data: about 140 MB in /tmp
    }

    /** Which node dies. */
    enum Victim { DATA_NODE, ELECTED_MASTER }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Victim.class)
    void aNodeKilledInTheMiddleOfARunLosesNothingAndDuplicatesNothing(Victim victim, @TempDir Path dir) throws Exception {
        String prefix = "cluster-" + victim.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Set<String> served = new HashSet<>();
        try (LocalHttpServer server = new LocalHttpServer();
             ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(cluster.urls()), null)) {
            StringBuilder sources = new StringBuilder("sources:\n");
            for (int f = 0; f < FEEDS; f++) {
                String id = prefix + "-" + f;
                server.serve("/" + id + ".xml", LocalHttpServer.Resource.ok(BigPollTest.feed(id, PER_FEED, f), "application/rss+xml"));
                sources.append("  - {id: %s, name: Cluster %d, region: EU, language: en, kind: feed, url: \"%s\", schedule: 1h}\n"
                        .formatted(id, f, server.uri("/" + id + ".xml")));
                for (int i = 0; i < PER_FEED; i++) {
                    served.add("http://" + id + ".example/n/" + i);
                }
            }
            Files.writeString(dir.resolve("sources.yaml"), sources);
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(cluster.urls(), dir.resolve("data")));
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<CliHarness.Result> run = runner.submit(() -> CliHarness.run("run", "--once", "--wait-es", "2m", "--config", dir.toString()));
            runner.shutdown();

            // The first feed's items are in: the others are being classified or sent right now.
            AtomicLong indexedAtKill = new AtomicLong();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> { indexedAtKill.set(count(es, prefix)); return indexedAtKill.get() > 0 || run.isDone(); });
            assertThat(run.isDone()).as("the run is still going").isFalse();
            String master = es.client().cat().master().masters().getFirst().node();
            String killed = victim == Victim.ELECTED_MASTER ? master
                    : cluster.nodes().stream().map(LocalCluster.Node::name).filter(n -> !n.equals(master)).findFirst().orElseThrow();
            long killedAt = System.nanoTime();
            cluster.kill(killed);
            killedBefore = killed;
            assertThat(run.isDone()).as("killed while the run was still going").isFalse();
            double yellowAfter = awaitYellowWithTwoNodes(es, killedAt);

            CliHarness.Result result = run.get(5, TimeUnit.MINUTES);
            double runEndedAfter = (System.nanoTime() - killedAt) / 1e9;
            System.out.printf("event=cluster_node_killed victim=%s node=%s master_before=%s indexed_at_kill=%d entries=%d "
                    + "yellow_after_s=%.1f run_done_after_kill_s=%.1f%n%s", victim, killed, master, indexedAtKill.get(), served.size(),
                    yellowAfter, runEndedAfter, result.out());
            assertThat(result.code()).as(result.out() + result.err()).isZero();
            try (var files = Files.list(dir.resolve("data/spool/pending"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".batch"))).isEmpty();
            }

            // Nothing lost, nothing twice: one document per served URL, each URL once.
            assertThat(count(es, prefix)).isEqualTo(served.size());
            List<StringTermsBucket> urls = es.client().search(s -> s.index("radar-items").size(0)
                    .query(q -> q.prefix(p -> p.field("source.id").value(prefix)))
                    .aggregations("urls", a -> a.terms(t -> t.field("url").size(served.size() + 10))), Void.class)
                    .aggregations().get("urls").sterms().buckets().array();
            assertThat(urls).allSatisfy(b -> assertThat(b.docCount()).as(b.key().stringValue()).isEqualTo(1));
            assertThat(urls.stream().map(b -> b.key().stringValue()).collect(Collectors.toSet())).isEqualTo(served);
            new WatchState(es.client()).ensure(); // what the alert engine creates; the run here has no watches
            for (String index : List.of("radar-items-000001", "radar-sources-000001", "radar-versions-000001", WatchState.INDEX)) {
                assertThat(es.client().indices().getSettings(g -> g.index(index)).get(index).settings().index().numberOfReplicas())
                        .as("%s has one replica on a cluster", index).isEqualTo("1");
            }
        }
    }

    /** Seconds from the kill until a survivor reports every primary assigned (yellow or green) among two nodes. */
    private static double awaitYellowWithTwoNodes(ElasticsearchConnection es, long killedAt) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            var health = es.client().cluster().health(h -> h.waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("1s")));
            return !health.timedOut() && health.numberOfNodes() == 2;
        });
        return (System.nanoTime() - killedAt) / 1e9;
    }

    private static long count(ElasticsearchConnection es, String sourcePrefix) {
        try {
            es.client().indices().refresh(r -> r.index("radar-items"));
            return es.client().count(c -> c.index("radar-items").query(q -> q.prefix(p -> p.field("source.id").value(sourcePrefix)))).count();
        } catch (Exception e) {
            return 0; // not there yet, or the cluster is electing a master
        }
    }
}
