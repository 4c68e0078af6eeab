package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.spool.SpoolContents;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.RejectingElasticsearchProxy;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@code radar run --once} killed with SIGKILL in the near-duplicate step, deterministically: a real child JVM talks to
 * the test Elasticsearch through a proxy that holds the near-duplicate lookup (the {@code _search} on
 * {@code simhash_bands}); once it is held, the batch is in the spool and nothing is indexed yet, and the child is killed
 * there. The next run replays the batch and polls the feed again (its validators and seen entries were never
 * committed): every entry is indexed exactly once (ids are hashes of the canonical URL), the five syndicated copies are
 * marked as duplicates of their originals and nothing else is, and the spool is empty.
 */
class KilledDuringNearDuplicateStepTest {
    private static final String SOURCE = "killed-near-dup";
    private static final int STORIES = 100;
    private static final int COPIES = 5;

    @Test
    void killedWithSigkillDuringTheNearDuplicateLookupEveryEntryIsIndexedOnceAfterTheNextRun(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer();
             RejectingElasticsearchProxy proxy = new RejectingElasticsearchProxy(TestElasticsearch.url());
             ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            server.serve("/wire.xml", LocalHttpServer.Resource.withEtag(feedWithCopies(), "application/rss+xml", "\"w1\""));
            OneFeedConfig.write(dir, SOURCE, server.uri("/wire.xml"), "1h", proxy.url());
            proxy.hold((path, body) -> path.endsWith("/_search") && body.contains("simhash_bands"));

            Process child = childRun(dir);
            try {
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).failFast(() -> !child.isAlive())
                        .until(() -> proxy.held() > 0);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(count(es)).as("killed before the bulk request").isZero();
            List<SpoolContents.Waiting> waiting = new SpoolContents(dir.resolve("data/spool"), ElasticsearchConnection.objectMapper()).waiting();
            assertThat(waiting).as("the batch was durable before the lookup").singleElement()
                    .satisfies(w -> assertThat(w.items()).isEqualTo(STORIES + COPIES));

            proxy.release();
            CliHarness.Result again = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(again.code()).as(again.out() + again.err()).isZero();
            assertThat(count(es)).as("each entry once").isEqualTo(STORIES + COPIES);
            Map<String, String> duplicates = duplicatesByUrl(es);
            assertThat(duplicates).as("copy url -> duplicate_of").isEqualTo(IntStream.range(0, COPIES).boxed().collect(Collectors.toMap(
                    i -> "http://" + SOURCE + ".example/copy/" + i, i -> CanonicalUrl.documentId("http://" + SOURCE + ".example/n/" + i))));
            assertThat(new SpoolContents(dir.resolve("data/spool"), ElasticsearchConnection.objectMapper()).waiting()).isEmpty();
            assertThat(Files.exists(dir.resolve("data/spool/dead-letters.jsonl"))).isFalse();
        }
    }

    /** {@code radar run --once} in a JVM of its own, on this test JVM's class path. */
    private static Process childRun(Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                RadarCli.class.getName(), "run", "--once", "--config", dir.toString())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
    }

    /** {@link BigPollTest#feed} with copies of its first stories under other URLs, an hour later (syndication). */
    private static byte[] feedWithCopies() {
        String feed = new String(BigPollTest.feed(SOURCE, STORIES, 23), StandardCharsets.UTF_8);
        Matcher item = Pattern.compile("<item><title>(.*?)</title>.*?<description>(.*?)</description>").matcher(feed);
        StringBuilder copies = new StringBuilder();
        for (int i = 0; i < COPIES && item.find(); i++) {
            copies.append("<item><title>").append(item.group(1)).append("</title><link>http://").append(SOURCE)
                    .append(".example/copy/").append(i).append("</link><description>").append(item.group(2))
                    .append("</description><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>");
        }
        return feed.replace("</channel>", copies + "</channel>").getBytes(StandardCharsets.UTF_8);
    }

    private static long count(ElasticsearchConnection es) throws IOException {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(SOURCE)))).count();
    }

    private static Map<String, String> duplicatesByUrl(ElasticsearchConnection es) throws IOException {
        return es.client().search(s -> s.index("radar-items").size(100)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("source.id").value(SOURCE)))
                                .filter(f -> f.exists(e -> e.field("duplicate_of"))))), JsonNode.class)
                .hits().hits().stream().map(Hit::source)
                .collect(Collectors.toMap(d -> d.path("url").asText(), d -> d.path("duplicate_of").asText()));
    }
}
