package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * The packaged {@code radar} launcher as a user runs it: help, bad arguments, and the daemon polling on schedule
 * until SIGTERM, after which it exits 0 with what it fetched indexed.
 */
class RadarLauncherIT {
    private static final Path HOME = Path.of(System.getProperty("radar.home", ".")).toAbsolutePath().normalize();

    private static Process start(Path out, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", HOME.resolve("radar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(out.toFile()).redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
        pb.environment().put("RADAR_JAVA_OPTS", "-Xmx1g");
        return pb.start();
    }

    @Test
    void helpListsTheCommandsAndBadArgumentsGiveUsageWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("help.out");
        Process help = start(out, "--help");
        assertThat(help.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(Files.readString(out)).contains("run", "classify", "search", "sources", "es");

        Path bad = dir.resolve("bad.out");
        Process wrong = start(bad, "search", "--limit", "many");
        assertThat(wrong.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        String err = Files.readString(dir.resolve("bad.out.err"));
        assertThat(err).contains("--limit").contains("Usage:").doesNotContain("at org.policyradar");
    }

    @Test
    void theDaemonPollsOnScheduleAndExitsZeroOnSigterm(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.serve("/daemon.xml", LocalHttpServer.Resource.ok("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>d</title><link>http://daemon.example/</link>
                    <item><title>ENISA warns of ransomware against hospitals</title><link>http://daemon.example/1</link></item>
                    <item><title>Quantum key distribution network opens in Hefei</title><link>http://daemon.example/2</link></item>
                    </channel></rss>""".getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: daemon-wire, name: Daemon, region: EU, language: en, kind: feed, url: "%s", schedule: 2s}
                    """.formatted(server.uri("/daemon.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));
            Process daemon = start(dir.resolve("daemon.out"), "run", "--config", dir.toString());
            try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
                ElasticsearchClient client = es.client();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        server.requests().stream().filter(r -> r.path().equals("/daemon.xml")).count() >= 2 && count(client) == 2);
            }
            daemon.destroy(); // SIGTERM
            assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).as("exits within the drain timeout").isTrue();
            assertThat(daemon.exitValue()).as(Files.readString(dir.resolve("daemon.out.err"))).isZero();
            assertThat(Files.readString(dir.resolve("daemon.out"))).contains("daemon-wire");
            // The log goes to DATA_DIR/logs/radar.log, not to the terminal (no --verbose here).
            assertThat(Files.readString(dir.resolve("data/logs/radar.log"))).contains("event=daemon_stopped");
            assertThat(Files.readString(dir.resolve("daemon.out.err"))).doesNotContain("level=");
        }
    }

    @Test
    void killedWithSigkillMidRunEveryFetchedItemEndsUpIndexedExactlyOnceAfterRestart(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>k</title>");
            for (int i = 0; i < 300; i++) {
                feed.append("<item><title>Cyber security notice ").append(i).append(" on 5G networks</title><link>http://kill.example/")
                        .append(i).append("</link><description>").append("ENISA and BSI publish guidance. ".repeat(20))
                        .append("</description></item>");
            }
            server.serve("/kill.xml", LocalHttpServer.Resource.withEtag(feed.append("</channel></rss>").toString()
                    .getBytes(StandardCharsets.UTF_8), "application/rss+xml", "\"k1\""));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: kill-wire, name: Kill, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                    """.formatted(server.uri("/kill.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));
            Process daemon = start(dir.resolve("kill.out"), "run", "--config", dir.toString());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                    server.requests().stream().anyMatch(r -> r.path().equals("/kill.xml")));
            Thread.sleep(300); // mid-batch: fetched, classifying or indexing
            daemon.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Process again = start(dir.resolve("again.out"), "run", "--once", "--config", dir.toString());
            assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(again.exitValue()).as(Files.readString(dir.resolve("again.out.err"))).isZero();
            try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
                es.client().indices().refresh(r -> r.index("radar-items"));
                assertThat(es.client().count(c -> c.index("radar-items")
                        .query(q -> q.term(t -> t.field("source.id").value("kill-wire")))).count()).isEqualTo(300);
            }
        }
    }

    @Test
    void theDaemonDeliversAWatchAlertRightAfterThePollThatStoredItsItem(@TempDir Path dir) throws Exception {
        java.util.List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        try (LocalHttpServer server = new LocalHttpServer()) {
            String feed = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>w</title><link>http://watch.example/</link>
                    <item><title>Commission opens consultation on data centres</title><link>http://watch.example/1</link></item>
                    %s</channel></rss>""";
            server.serve("/watch.xml", LocalHttpServer.Resource.ok(feed.formatted("").getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: watch-wire, name: Watch, region: EU, language: en, kind: feed, url: "%s", schedule: 2s}
                    """.formatted(server.uri("/watch.xml")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));
            Files.writeString(dir.resolve("alerts.yaml"), """
                    channels:
                      - {id: hook, type: webhook, url: "http://127.0.0.1:%d/hook"}
                    watches:
                      - {id: duisburg, query: 'Duisburg'}
                    """.formatted(hook.getAddress().getPort()));
            Process daemon = start(dir.resolve("watch.out"), "run", "--config", dir.toString());
            try {
                Path err = dir.resolve("watch.out.err");
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).failFast(() -> !daemon.isAlive())
                        .alias("two polls; daemon log: " + err).until(() ->
                        server.requests().stream().filter(r -> r.path().equals("/watch.xml")).count() >= 2);
                assertThat(posts).isEmpty();
                server.serve("/watch.xml", LocalHttpServer.Resource.ok(feed.formatted("""
                        <item><title>Huawei opens a smart city lab in Duisburg</title><link>http://watch.example/2</link></item>""")
                        .getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
                // The periodic evaluation is 5 minutes apart; the alert must come from the poll that stored the item.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> !posts.isEmpty());
                assertThat(posts).hasSize(1);
                assertThat(posts.get(0)).contains("duisburg", "Huawei opens a smart city lab in Duisburg");
            } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
                throw new AssertionError(e.getMessage() + "\n" + Files.readString(dir.resolve("watch.out.err")), e);
            } finally {
                daemon.destroy();
                assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(daemon.exitValue()).as(Files.readString(dir.resolve("watch.out.err"))).isZero();
            assertThat(posts).as("delivered once").hasSize(1);
        } finally {
            hook.stop(0);
        }
    }

    private static long count(ElasticsearchClient client) {
        try {
            client.indices().refresh(r -> r.index("radar-items"));
            return client.count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value("daemon-wire")))).count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
