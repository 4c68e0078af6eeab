package org.policyradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.TestElasticsearch;
import org.policyradar.testing.TestPostgres;

/**
 * Issue 18's done-when: a real PostgreSQL ({@code radar pg start}'s code), two {@code radar run} JVMs in cluster mode
 * on ten locally served feeds with a 20 s schedule. The pair fetches each feed once per schedule, indexes no item and
 * delivers no alert twice, and after {@code kill -9} of one instance the survivor polls every feed within the
 * check-in interval, Quartz's 7.5 s grace and one schedule.
 */
class ClusterFailoverIT {
    private static final Path HOME = Path.of(System.getProperty("radar.home", ".")).toAbsolutePath().normalize();
    private static final int FEEDS = 10;
    private static final Duration SCHEDULE = Duration.ofSeconds(20);
    private static final Duration CHECKIN = Duration.ofSeconds(5);
    private static final Duration QUARTZ_GRACE = Duration.ofMillis(7500);

    /** Request times (nanoTime) per feed path. */
    private final Map<String, List<Long>> requests = new ConcurrentHashMap<>();
    private final List<String> hookPosts = new CopyOnWriteArrayList<>();
    /** Full (200) responses per feed path: the rest were 304s to the validators in PostgreSQL. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> fullResponses = new ConcurrentHashMap<>();

    @Test
    void thePairPollsEachFeedOncePerScheduleAndTheSurvivorTakesOverAfterKillMinus9(@TempDir Path dir) throws Exception {
        HttpServer feeds = feedServer();
        HttpServer hook = hookServer();
        List<Process> instances = new ArrayList<>();
        try {
            StringBuilder sources = new StringBuilder("sources:\n");
            for (int f = 0; f < FEEDS; f++) {
                sources.append("  - {id: clu-feed-%d, name: Cluster feed %d, region: EU, language: en, kind: feed, url: \"http://127.0.0.1:%d/feed-%d.xml\", schedule: 20s}\n"
                        .formatted(f, f, feeds.getAddress().getPort(), f));
            }
            Files.writeString(dir.resolve("sources.yaml"), sources);
            Files.writeString(dir.resolve("alerts.yaml"), """
                    channels:
                      - {id: hook, type: webhook, url: "http://127.0.0.1:%d/hook"}
                    watches:
                      - {id: clu-duisburg, query: 'Duisburg'}
                    """.formatted(hook.getAddress().getPort()));
            Process a = start(dir, "a");
            Process b = start(dir, "b");
            instances.add(a);
            instances.add(b);
            awaitStarted(dir, "a", a);
            awaitStarted(dir, "b", b);
            long bothUp = System.nanoTime();

            // Two schedules with both instances up: no feed is fetched twice within one schedule.
            Thread.sleep(SCHEDULE.multipliedBy(2).plusSeconds(5).toMillis());
            for (int f = 0; f < FEEDS; f++) {
                List<Long> times = since("/feed-" + f + ".xml", bothUp);
                assertThat(times).as("feed %d polled during two schedules", f).hasSizeBetween(2, 3);
                assertThat(minGapSeconds(times)).as("feed %d: two polls closer than a schedule (both instances fired)", f)
                        .isGreaterThan(SCHEDULE.toSeconds() * 0.6);
            }
            assertThat(Files.readString(log(dir, "a"))).contains("event=cluster_mode");
            System.out.printf("cluster polls before the kill: a=%d b=%d%n", polls(dir, "a"), polls(dir, "b"));

            // kill -9 one instance; the survivor must poll every feed within check-in + grace + one schedule.
            a.destroyForcibly();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            Duration bound = CHECKIN.plus(QUARTZ_GRACE).plus(SCHEDULE).plusSeconds(5);
            await().atMost(bound.plusSeconds(5)).pollInterval(Duration.ofMillis(200)).failFast(() -> !b.isAlive())
                    .until(() -> allPolledSince(killed));
            long takeOverNanos = 0;
            for (int f = 0; f < FEEDS; f++) {
                takeOverNanos = Math.max(takeOverNanos, since("/feed-" + f + ".xml", killed).get(0) - killed);
            }
            System.out.printf("cluster take-over: every feed polled by the survivor %.1f s after kill -9 (bound %d s)%n",
                    takeOverNanos / 1e9, bound.toSeconds());
            assertThat(Duration.ofNanos(takeOverNanos)).isLessThanOrEqualTo(bound);
            // Whichever instance polled, it sent the validators of the last stored fetch: one full response per feed.
            for (int f = 0; f < FEEDS; f++) {
                assertThat(fullResponses.get("/feed-" + f + ".xml")).as("feed %d answered 200", f).hasValue(1);
            }

            // Every item once in Elasticsearch; every Duisburg item in exactly one delivered alert.
            try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
                ElasticsearchClient client = es.client();
                await().atMost(Duration.ofSeconds(30)).until(() -> countItems(client) == FEEDS * 3L);
                await().atMost(Duration.ofSeconds(30)).until(() -> watchPosts().stream().mapToLong(p -> duisburgItemsIn(p)).sum() >= 2);
                Thread.sleep(3000); // a second delivery of the same items would come now
                for (int f : new int[] {0, 5}) {
                    String title = "Huawei smart city lab in Duisburg, feed " + f;
                    assertThat(watchPosts().stream().filter(p -> p.contains(title)).count()).as(title + " in watch alerts: " + watchPosts())
                            .isEqualTo(1);
                }
                List<String> delivered = hookPosts.stream().map(ClusterFailoverIT::alertId).toList();
                assertThat(delivered).as("every alert (watch, spikes) delivered once").doesNotHaveDuplicates();
                client.indices().refresh(r -> r.index("radar-alerts"));
                assertThat(client.count(c -> c.index("radar-alerts").query(q -> q.term(t -> t.field("watch").value("clu-duisburg"))))
                        .count()).as("watch alerts stored").isEqualTo(watchPosts().size());
            }
            b.destroy();
            assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.err"))).isZero();
        } finally {
            for (Process p : instances) {
                p.destroyForcibly();
            }
            keepLogs(dir);
            feeds.stop(0);
            hook.stop(0);
        }
    }

    /** The instances' logs outlive the temporary directory, for a failure's post-mortem. */
    private static void keepLogs(Path dir) {
        Path keep = Path.of(System.getProperty("java.io.tmpdir"), "radar-cluster-it-logs");
        try {
            Files.createDirectories(keep);
            for (String name : List.of("a", "b")) {
                if (Files.exists(log(dir, name))) {
                    Files.copy(log(dir, name), keep.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("cannot keep the cluster logs: " + e);
        }
    }

    private boolean allPolledSince(long t) {
        for (int f = 0; f < FEEDS; f++) {
            if (since("/feed-" + f + ".xml", t).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private List<Long> since(String path, long t) {
        return requests.getOrDefault(path, List.of()).stream().filter(x -> x >= t).sorted().toList();
    }

    private static double minGapSeconds(List<Long> times) {
        double min = Double.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) {
            min = Math.min(min, (times.get(i) - times.get(i - 1)) / 1e9);
        }
        return min;
    }

    private List<String> watchPosts() {
        return hookPosts.stream().filter(p -> alertId(p).startsWith("watch:clu-duisburg:")).toList();
    }

    private static String alertId(String post) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"alert\":\\{\"id\":\"([^\"]+)\"").matcher(post);
        return m.find() ? m.group(1) : "(no alert id in " + post + ")";
    }

    private static long duisburgItemsIn(String post) {
        return post.split("Huawei smart city lab in Duisburg", -1).length - 1;
    }

    private static long countItems(ElasticsearchClient client) {
        try {
            client.indices().refresh(r -> r.index("radar-items"));
            return client.count(c -> c.index("radar-items").query(q -> q.prefix(p -> p.field("source.id").value("clu-feed-")))).count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private Process start(Path dir, String name) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data-" + name)); // each instance's own spool and logs
        ProcessBuilder pb = new ProcessBuilder("bash", HOME.resolve("radar").toString(), "run", "--config", dir.toString())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        Map<String, String> env = pb.environment();
        env.put("RADAR_JAVA_OPTS", "-Xmx1g");
        env.put("RADAR_ES_URL", TestElasticsearch.url());
        env.put("RADAR_DATA_DIR", data.toString());
        env.put("RADAR_CLUSTER_DB", TestPostgres.get().url());
        env.put("RADAR_CLUSTER_DB_PASSWORD_FILE", TestPostgres.get().passwordFile().toString());
        env.put("RADAR_CLUSTER_CHECKIN", CHECKIN.toSeconds() + "s");
        return pb.start();
    }

    private static long polls(Path dir, String name) throws IOException {
        return Files.readAllLines(log(dir, name)).stream().filter(l -> l.contains("event=poll source=clu-feed-")).count();
    }

    private static Path log(Path dir, String name) {
        return dir.resolve("data-" + name).resolve("logs/radar.log");
    }

    private static void awaitStarted(Path dir, String name, Process p) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).failFast(() -> !p.isAlive())
                .alias("instance " + name + " started; see " + dir.resolve(name + ".err"))
                .until(() -> Files.exists(log(dir, name)) && Files.readString(log(dir, name)).contains("event=daemon_started"));
    }

    private HttpServer feedServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (int f = 0; f < FEEDS; f++) {
            String path = "/feed-" + f + ".xml";
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>c")
                    .append(f).append("</title>");
            for (int i = 0; i < 3; i++) {
                String title = (f % 5 == 0 && i == 0) ? "Huawei smart city lab in Duisburg, feed " + f
                        : "ENISA publishes 5G security guidance " + f + "-" + i;
                rss.append("<item><title>").append(title).append("</title><link>http://cluster.example/").append(f).append('/')
                        .append(i).append("</link><description>Cyber security of 5G networks in Europe.</description></item>");
            }
            byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
            String etag = "\"c" + f + "\"";
            server.createContext(path, exchange -> {
                requests.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    fullResponses.computeIfAbsent(path, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
        }
        server.start();
        return server;
    }

    private HttpServer hookServer() throws IOException {
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            hookPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        return hook;
    }
}
