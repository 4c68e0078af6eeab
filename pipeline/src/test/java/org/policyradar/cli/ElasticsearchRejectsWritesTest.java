package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.health.SourceHealthStore;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.RejectingElasticsearchProxy;
import org.policyradar.testing.TestElasticsearch;

/**
 * Elasticsearch refuses writes while the pipeline runs: the real node with a write block on the items index
 * ({@code index.blocks.write}, answered per item with 403 cluster_block_exception), and a real proxy in front of it
 * answering bulk requests with 429, for the whole request or item by item. Items wait in the spool, {@code run --once}
 * reports the waiting batches, and once writes are allowed again every item is indexed exactly once.
 */
class ElasticsearchRejectsWritesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalHttpServer server;
    private static ElasticsearchConnection es;
    private static RejectingElasticsearchProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalHttpServer();
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS, SourceHealthStore.INDEX));
        proxy = new RejectingElasticsearchProxy(TestElasticsearch.url());
    }

    @AfterAll
    static void stop() throws Exception {
        setBlock("index.blocks.write", null);
        proxy.close();
        server.close();
        es.close();
    }

    /** How writes are refused, and allowed again. */
    enum Refusal {
        WRITE_BLOCK, BULK_429, ITEM_429;

        void apply(boolean refuse) throws Exception {
            switch (this) {
                case WRITE_BLOCK -> setBlock("index.blocks.write", refuse ? Boolean.TRUE : null);
                case BULK_429 -> proxy.mode(refuse ? RejectingElasticsearchProxy.Mode.REQUEST_429 : RejectingElasticsearchProxy.Mode.FORWARD);
                case ITEM_429 -> proxy.mode(refuse ? RejectingElasticsearchProxy.Mode.ITEM_429 : RejectingElasticsearchProxy.Mode.FORWARD);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Refusal.class)
    void refusedItemsWaitInTheSpoolAndAreIndexedExactlyOnceWhenWritesAreAllowedAgain(Refusal refusal,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String sourceId = "refused-" + refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        server.serve("/" + sourceId + ".xml", LocalHttpServer.Resource.withEtag(feed(sourceId, 6), "application/rss+xml", "\"v1\""));
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: %s, name: Blocked, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                """.formatted(sourceId, server.uri("/" + sourceId + ".xml")));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(proxy.url(), dir.resolve("data")));
        Path pending = dir.resolve("data/spool/pending");
        refusal.apply(true);
        try {
            // The whole run is blocked: everything fetched is spooled, the run says so and exits 3.
            CliHarness.Result blocked = CliHarness.run("run", "--once", "--wait-es", "2s", "--config", dir.toString());
            assertThat(blocked.out()).as(blocked.err()).containsPattern(sourceId + "\\s+200\\s+6\\s+0\\s+0\\s+0\\s+0\\s+6");
            assertThat(blocked.out()).contains("spool: 1 batch(es) not yet taken by Elasticsearch");
            assertThat(blocked.code()).isEqualTo(3);
            assertThat(urls(sourceId)).isEmpty();
            assertThat(deadLetters(dir)).doesNotContain(sourceId);

            // Mid-run: the next run (4 more items) is still refused, then writes are allowed while it waits.
            server.serve("/" + sourceId + ".xml", LocalHttpServer.Resource.withEtag(feed(sourceId, 10), "application/rss+xml", "\"v2\""));
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<CliHarness.Result> run = runner.submit(
                    () -> CliHarness.run("run", "--once", "--wait-es", "2m", "--config", dir.toString()));
            runner.shutdown();
            // The poll is over (its outcome is recorded) and the run waits for Elasticsearch: now allow writes.
            await().atMost(Duration.ofSeconds(90)).until(() -> lastFetched(sourceId) == 10 || run.isDone());
            assertThat(batches(pending)).isEqualTo(2);
            assertThat(run.isDone()).as("the run waits for Elasticsearch").isFalse();
            assertThat(urls(sourceId)).isEmpty();
            refusal.apply(false);
            CliHarness.Result resumed = run.get();
            assertThat(resumed.out()).as(resumed.err()).containsPattern(sourceId + "\\s+200\\s+10\\s+0\\s+0\\s+0\\s+0\\s+10");
            assertThat(resumed.code()).as(resumed.out()).isZero();
            assertThat(batches(pending)).isZero();
            assertThat(urls(sourceId)).containsExactlyInAnyOrderElementsOf(expectedUrls(sourceId, 10));
            assertThat(count(sourceId)).isEqualTo(10);
            assertThat(deadLetters(dir)).doesNotContain(sourceId);

            // Nothing left over: the feed is unchanged (304) and the index still holds each item once.
            CliHarness.Result after = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(after.code()).as(after.out()).isZero();
            assertThat(after.out()).containsPattern(sourceId + "\\s+304\\s+0\\s+0");
            assertThat(count(sourceId)).isEqualTo(10);
        } finally {
            refusal.apply(false);
        }
    }

    private static byte[] feed(String sourceId, int n) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>b</title>");
        for (int i = 0; i < n; i++) {
            sb.append("<item><title>Cyber security notice ").append(i).append(" for ").append(sourceId)
                    .append("</title><link>http://blocked.example/").append(sourceId).append('/').append(i).append("</link></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> expectedUrls(String sourceId, int n) {
        return IntStream.range(0, n).mapToObj(i -> "http://blocked.example/" + sourceId + "/" + i).toList();
    }

    /** Sets ({@code true}) or removes ({@code null}) an index block with the settings API, as an operator (or the disk watermark) would. */
    private static void setBlock(String block, Boolean value) throws Exception {
        put("/radar-items/_settings", "{\"" + block + "\": " + value + "}");
    }

    private static void put(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestElasticsearch.url() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static int lastFetched(String sourceId) throws IOException {
        var doc = es.client().get(g -> g.index(SourceHealthStore.INDEX.alias()).id(sourceId), JsonNode.class);
        return doc.found() ? doc.source().path("items_fetched_last").asInt() : -1;
    }

    private static long batches(Path pending) throws IOException {
        if (!Files.isDirectory(pending)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(pending)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".batch")).count();
        }
    }

    private static String deadLetters(Path dir) throws IOException {
        Path file = dir.resolve("data/spool/dead-letters.jsonl");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static long count(String sourceId) throws IOException {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(sourceId)))).count();
    }

    private static Set<String> urls(String sourceId) throws IOException {
        es.client().indices().refresh(r -> r.index("radar-items"));
        SearchResponse<JsonNode> r = es.client().search(s -> s.index("radar-items").size(100)
                .query(q -> q.term(t -> t.field("source.id").value(sourceId))), JsonNode.class);
        Set<String> urls = new HashSet<>();
        r.hits().hits().forEach(h -> urls.add(h.source().path("url").asText()));
        return urls;
    }
}
