package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.testing.MultiHostFeedServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * The load test: 500 sources × 100 items from real local HTTP servers on 5 loopback hosts, through the real
 * {@code run --once} (fetch, parse, the real classifier, spool, bulk indexing into the real Elasticsearch).
 * No source fails, exactly 50,000 distinct items are searchable, and the configured per-host politeness holds:
 * sources are listed in runs of four on the same host, and every response takes 250 ms, so without the throttle
 * four requests would overlap and start at once.
 */
class LoadIT {
    private static final int SOURCES = 500;
    private static final int ITEMS = 100;
    private static final int HOSTS = 5;
    private static final int CLASSIFY_SAMPLE = 5_000;
    private static final Duration HOST_DELAY = Duration.ofMillis(100);
    private static final int HOST_CONCURRENCY = 2;
    private static final Duration LATENCY = Duration.ofMillis(250);
    /**
     * Arrival times are taken by the server, the client spaces request starts: a late wake-up, a GC pause or a busy
     * server dispatcher delays one arrival and shortens the next gap (to 20 ms once on the loaded 2-core machine).
     */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(30);
    /** Gaps per host (of 99) allowed under {@code HOST_DELAY - CLOCK_SLACK}: sends delayed by the machine, not the throttle. */
    private static final int MAX_JITTERED_GAPS = 2;
    private static final Instant NOW = Instant.now();
    private static final String[] TOPICAL = {"5G base stations", "artificial intelligence", "blockchain", "quantum computing",
            "cyber security", "the social credit system", "data protection", "semiconductors"};

    /** Source n lives on host (n / 4) % HOSTS: four consecutive sources compete for one host. */
    private static int hostOf(int source) {
        return (source / 4) % HOSTS;
    }

    @Test
    void fiveHundredSourcesOfAHundredItemsEachAreIndexedOnceWithPolitenessHeld(@TempDir Path dir) throws Exception {
        try (MultiHostFeedServer server = new MultiHostFeedServer(HOSTS, LATENCY, LoadIT::feed)) {
            StringBuilder yaml = new StringBuilder("sources:\n");
            for (int n = 0; n < SOURCES; n++) {
                yaml.append("  - {id: load-").append(n).append(", name: \"Load ").append(n)
                        .append("\", region: EU, language: en, kind: feed, url: \"").append(server.feedUri(hostOf(n), n))
                        .append("\", schedule: 1h}\n");
            }
            Files.writeString(dir.resolve("sources.yaml"), yaml);
            Files.writeString(dir.resolve("radar.yaml"), """
                    elasticsearch: {url: "%s"}
                    data_dir: "%s"
                    classify_threads: 2
                    politeness: {host_delay: %dms, host_concurrency: %d}
                    """.formatted(TestElasticsearch.url(), dir.resolve("data"), HOST_DELAY.toMillis(), HOST_CONCURRENCY));

            long started = System.nanoTime();
            CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("total: sources=500 fetched=50000 new=50000 failed=0");

            try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
                var client = es.client();
                client.indices().refresh(r -> r.index("radar-items"));
                var perSource = client.search(s -> s.index("radar-items").size(0).trackTotalHits(t -> t.enabled(true))
                        .query(q -> q.prefix(p -> p.field("source.id").value("load-")))
                        .aggregations("sources", a -> a.terms(t -> t.field("source.id").size(1000)))
                        .aggregations("repeated_urls", a -> a.terms(t -> t.field("url").minDocCount(2).size(10)))
                        .aggregations("duplicates", a -> a.filter(f -> f.exists(e -> e.field("duplicate_of")))), JsonNode.class);
                assertThat(perSource.hits().total().value()).isEqualTo(50_000);
                List<StringTermsBucket> buckets = perSource.aggregations().get("sources").sterms().buckets().array();
                assertThat(buckets).hasSize(SOURCES).allSatisfy(b -> assertThat(b.docCount()).isEqualTo(ITEMS));
                // Exact on a one-shard index: no URL is held by two documents.
                assertThat(perSource.aggregations().get("repeated_urls").sterms().buckets().array()).isEmpty();
                assertThat(perSource.aggregations().get("duplicates").filter().docCount()).as("distinct texts marked near-duplicate").isZero();
            }
            // Searchable: an item's own words find it and only it.
            CliHarness.Result search = CliHarness.run("search", title(421, 37), "--source", "load-421", "--config", dir.toString());
            assertThat(search.out()).as(search.err()).contains("1 item(s)").contains("http://load.example/421/37");

            CliHarness.Result sources = CliHarness.run("sources", "--json", "--config", dir.toString());
            ObjectMapper json = new ObjectMapper();
            long ok = sources.out().lines().map(l -> {
                try {
                    return json.readTree(l);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(s -> "ok".equals(s.path("state").asText()) && s.path("items_new_last").asInt() == ITEMS).count();
            assertThat(ok).isEqualTo(SOURCES);

            StringBuilder report = new StringBuilder();
            for (int h = 0; h < HOSTS; h++) {
                MultiHostFeedServer.HostLog log = server.log(h);
                report.append(" host").append(h + 1).append("_max_in_flight=").append(log.maxInFlight())
                        .append(" host").append(h + 1).append("_min_gap_ms=").append(log.minGap().toMillis())
                        .append(" host").append(h + 1).append("_gaps_under_").append(HOST_DELAY.minus(CLOCK_SLACK).toMillis())
                        .append("ms=").append(log.gapsBelow(HOST_DELAY.minus(CLOCK_SLACK)))
                        .append(" host").append(h + 1).append("_held_back=").append(log.gapsBelow(HOST_DELAY.multipliedBy(2)));
            }
            System.out.printf("event=load_run took_s=%.1f%s%n", took.toMillis() / 1000.0, report);
            for (int h = 0; h < HOSTS; h++) {
                MultiHostFeedServer.HostLog log = server.log(h);
                assertThat(log.arrivals()).hasSize(SOURCES / HOSTS);
                assertThat(log.maxInFlight()).as("host %d in flight", h).isLessThanOrEqualTo(HOST_CONCURRENCY);
                // Without the spacing, two free slots send two requests at once: a quarter of the gaps would be near 0.
                // With it, a gap shrinks only when the loaded machine delays one send (a GC pause, a late wake-up).
                assertThat(log.gapsBelow(HOST_DELAY.minus(CLOCK_SLACK))).as("host %d gaps under %s", h, HOST_DELAY.minus(CLOCK_SLACK))
                        .isLessThanOrEqualTo(MAX_JITTERED_GAPS);
            }
            // The limits were actually tested: requests queued for their host (gaps near the delay, two in flight).
            assertThat(java.util.stream.IntStream.range(0, HOSTS).map(h -> server.log(h).maxInFlight()).max().orElse(0))
                    .isEqualTo(HOST_CONCURRENCY);
            assertThat(java.util.stream.IntStream.range(0, HOSTS).mapToLong(h -> server.log(h).gapsBelow(HOST_DELAY.multipliedBy(2))).sum())
                    .isPositive();
            // The classifier's share: the same kind of items through `radar classify` (the classifier of the run).
            StringBuilder lines = new StringBuilder();
            ObjectMapper mapper = new ObjectMapper();
            for (int i = 0; i < CLASSIFY_SAMPLE; i++) {
                lines.append(mapper.writeValueAsString(java.util.Map.of("id", "s" + i, "title", title(9_000 + i / ITEMS, i % ITEMS),
                        "summary", summary(9_000 + i / ITEMS, i % ITEMS), "lang", "en"))).append('\n');
            }
            long classifyStart = System.nanoTime();
            CliHarness.Result classified = CliHarness.runWithStdin(lines.toString(), "classify", "--config", dir.toString());
            double classifySeconds = (System.nanoTime() - classifyStart) / 1e9;
            assertThat(classified.code()).as(classified.err()).isZero();
            assertThat(classified.out().lines().count()).isEqualTo(CLASSIFY_SAMPLE);
            System.out.printf("event=load_test sources=%d items=%d took_s=%.1f items_per_s=%.0f classify_sample=%d classify_s=%.1f"
                            + " classify_items_per_s=%.0f%s%n", SOURCES, SOURCES * ITEMS, took.toMillis() / 1000.0,
                    SOURCES * ITEMS / (took.toMillis() / 1000.0), CLASSIFY_SAMPLE, classifySeconds, CLASSIFY_SAMPLE / classifySeconds, report);
        }
    }

    /** Feed n: 100 items with their own words (no two alike), some of them on a taxonomy topic. */
    private static byte[] feed(int n) {
        StringBuilder sb = new StringBuilder(32_000).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Load ")
                .append(n).append("</title><link>http://load.example/").append(n).append("/</link>\n");
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        for (int k = 0; k < ITEMS; k++) {
            sb.append("<item><title>").append(title(n, k)).append("</title><link>http://load.example/").append(n).append('/').append(k)
                    .append("</link><description>").append(summary(n, k)).append("</description><pubDate>")
                    .append(rfc.format(NOW.minus(Duration.ofMinutes(n * ITEMS + k)))).append("</pubDate></item>\n");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String title(int n, int k) {
        return words(new Random(n * 1_000L + k), 6);
    }

    private static String summary(int n, int k) {
        Random r = new Random(-(n * 1_000L + k) - 1);
        String topical = k % 3 == 0 ? " on " + TOPICAL[r.nextInt(TOPICAL.length)] : "";
        return "The ministry said " + words(r, 12) + topical + ".";
    }

    private static String words(Random r, int count) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < count; w++) {
            int length = 4 + r.nextInt(6);
            for (int c = 0; c < length; c++) {
                sb.append((char) ('a' + r.nextInt(26)));
            }
            sb.append(w + 1 < count ? " " : "");
        }
        return sb.toString();
    }
}
