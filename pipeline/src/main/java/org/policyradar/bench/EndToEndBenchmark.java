package org.policyradar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.policyradar.bench.Benchmark.Figure;
import org.policyradar.classify.TextItem;
import org.policyradar.index.IndexSetup;
import org.policyradar.parse.FeedDecoder;
import org.policyradar.parse.FeedEntry;
import org.policyradar.parse.FeedParseException;
import org.policyradar.parse.RomeFeedParser;
import org.policyradar.route.Ingestion;
import org.policyradar.route.PollOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End to end on this machine: generated feeds (titles and summaries from the shared corpus feeds when present,
 * English bodies of about 300 tokens, one source in ten Chinese) served by {@link FeedReplayServer}, ingested by the
 * production {@link Ingestion} ({@code radar run --once}: fetch, parse, classify, spool, near-duplicates, bulk index,
 * refresh) until all are searchable; then the daemon polls every {@code pollInterval} and items published between
 * polls are timed from publication to searchable. The bench's items are deleted afterwards.
 */
public final class EndToEndBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(EndToEndBenchmark.class);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** Opens the production ingestion for a configuration directory, as {@code radar run} does. */
    @FunctionalInterface
    public interface PipelineOpener {
        OpenPipeline open(Path configDir, Path dataDir);
    }

    /** An opened ingestion and what it holds (the Elasticsearch client). */
    public interface OpenPipeline extends AutoCloseable {
        Ingestion ingestion();

        @Override
        void close();
    }

    /** Sizes of the replay. */
    public record Plan(int sources, int itemsPerSource, int chineseEvery, Duration pollInterval, int latencySamples) {
    }

    private final Benchmark texts;
    private final Path sharedDir;
    private final PipelineOpener opener;

    public EndToEndBenchmark(Benchmark texts, Path sharedDir, PipelineOpener opener) {
        this.texts = texts;
        this.sharedDir = sharedDir;
        this.opener = opener;
    }

    public List<Figure> run(ElasticsearchClient client, String esUrl, Plan plan, Path work) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String urlPrefix = "https://e2e-" + run + ".bench.example.org/";
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < plan.sources(); s++) {
            ids.add(String.format("bench-e2e-%02d", s));
        }
        Pools pools = pools(plan.sources() * plan.itemsPerSource());
        List<Figure> figures = new ArrayList<>();
        try (FeedReplayServer server = new FeedReplayServer(ids)) {
            Instant now = Instant.now();
            int total = 0;
            for (int s = 0; s < ids.size(); s++) {
                List<FeedReplayServer.Entry> entries = new ArrayList<>();
                for (int i = 0; i < plan.itemsPerSource(); i++) {
                    entries.add(pools.entry(chinese(s, plan), s * plan.itemsPerSource() + i,
                            urlPrefix + ids.get(s) + "/" + i, now.minusSeconds(60L * i)));
                }
                server.set(ids.get(s), entries);
                total += entries.size();
            }
            Path config = writeConfig(work, ids, server, plan, esUrl);
            try (OpenPipeline pipeline = opener.open(config, work.resolve("data"))) {
                long start = System.nanoTime();
                List<PollOutcome> outcomes = pipeline.ingestion().runOnce();
                double seconds = (System.nanoTime() - start) / 1e9;
                long failedSources = outcomes.stream().filter(o -> !o.ok()).count();
                long searchable = count(client, urlPrefix);
                figures.add(new Figure("end to end (run --once)", searchable / seconds, "items/s",
                        String.format("%d of %d items searchable in %.1f s, %d sources (%d zh), %d failed; target >= 150",
                                searchable, total, seconds, plan.sources(), chineseSources(plan), failedSources)));
                figures.add(repoll(pipeline.ingestion(), server, total));
                if (plan.latencySamples() > 0) {
                    figures.addAll(latency(client, pipeline.ingestion(), server, ids, pools, urlPrefix, plan));
                }
            } finally {
                cleanUp(client, urlPrefix, ids);
            }
        }
        return figures;
    }

    /**
     * The steady state of a source that answers every poll with 200 and the same entries (no 304, as most servers do):
     * one more pass over all feeds, unchanged, timed. Entries stored before are skipped after a parse and an id lookup.
     */
    private Figure repoll(Ingestion ingestion, FeedReplayServer server, int total) throws Exception {
        server.answerConditionalGets(false);
        try {
            long start = System.nanoTime();
            List<PollOutcome> outcomes = ingestion.runOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            int unchanged = outcomes.stream().mapToInt(PollOutcome::unchanged).sum();
            int written = outcomes.stream().mapToInt(o -> o.created() + o.updated()).sum();
            return new Figure("re-poll, feeds unchanged (200)", total / seconds, "entries/s",
                    String.format("%d entries in %.1f s: %d skipped as unchanged, %d classified and written again", total,
                            seconds, unchanged, written));
        } finally {
            server.answerConditionalGets(true);
        }
    }

    /** Publishes items at random moments between polls of the running daemon and times each until searchable. */
    private List<Figure> latency(ElasticsearchClient client, Ingestion ingestion, FeedReplayServer server, List<String> ids,
                                 Pools pools, String urlPrefix, Plan plan) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Thread daemon = Thread.ofPlatform().name("bench-daemon").start(() -> {
            try {
                ingestion.runUntil(stop, Duration.ofSeconds(30), () -> { }, Duration.ofHours(1));
            } catch (Exception e) {
                LOG.warn("event=bench_daemon_failed reason=\"{}\"", e.toString());
            }
        });
        List<Double> latencies = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        try {
            Thread.sleep(plan.pollInterval().toMillis() + 2000); // the daemon's first polls (all 304) are done
            for (int k = 0; k < plan.latencySamples(); k++) {
                Thread.sleep(random.nextLong(plan.pollInterval().toMillis()));
                int s = random.nextInt(ids.size());
                String url = urlPrefix + ids.get(s) + "/late-" + k;
                long published = System.nanoTime();
                server.publish(ids.get(s), pools.entry(chinese(s, plan), k, url, Instant.now()));
                long deadline = published + plan.pollInterval().plusSeconds(60).toNanos();
                while (count(client, url) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - published) / 1e9;
                LOG.info("event=bench_latency sample={} source={} seconds={}", k, ids.get(s), String.format("%.2f", seconds));
                latencies.add(seconds);
            }
        } finally {
            stop.countDown();
            daemon.join(60_000);
        }
        List<Double> sorted = latencies.stream().sorted().toList();
        String note = String.format("publication to searchable, poll interval %ds, %d samples, target <= %ds",
                plan.pollInterval().toSeconds(), sorted.size(), plan.pollInterval().toSeconds() + 5);
        return List.of(new Figure("latency (median)", sorted.get(sorted.size() / 2), "s", note),
                new Figure("latency (max)", sorted.get(sorted.size() - 1), "s", note));
    }

    private static boolean chinese(int source, Plan plan) {
        return plan.chineseEvery() > 0 && source % plan.chineseEvery() == plan.chineseEvery() - 1;
    }

    private static long chineseSources(Plan plan) {
        return plan.chineseEvery() <= 0 ? 0 : plan.sources() / plan.chineseEvery();
    }

    private static long count(ElasticsearchClient client, String urlPrefix) throws IOException {
        return client.count(c -> c.index(IndexSetup.ITEMS.alias()).query(q -> q.prefix(p -> p.field("url").value(urlPrefix)))).count();
    }

    /** Deletes the bench's items and source health records (by id: this distribution has no delete-by-query). */
    private static void cleanUp(ElasticsearchClient client, String urlPrefix, List<String> sourceIds) {
        try {
            client.indices().refresh(r -> r.index(IndexSetup.ITEMS.alias()));
            while (true) {
                List<String> ids = client.search(s -> s.index(IndexSetup.ITEMS.alias()).size(5000).source(src -> src.fetch(false))
                        .query(q -> q.prefix(p -> p.field("url").value(urlPrefix))), Void.class)
                        .hits().hits().stream().map(h -> h.id()).toList();
                if (ids.isEmpty()) {
                    break;
                }
                client.bulk(b -> {
                    ids.forEach(id -> b.operations(op -> op.delete(d -> d.index(IndexSetup.ITEMS.alias()).id(id))));
                    return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
                });
            }
            client.bulk(b -> {
                sourceIds.forEach(id -> b.operations(op -> op.delete(d -> d.index("radar-sources").id(id))));
                return b;
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=bench_cleanup_failed url_prefix={} reason=\"{}\"", urlPrefix, e.toString());
        }
    }

    private static Path writeConfig(Path work, List<String> ids, FeedReplayServer server, Plan plan, String esUrl)
            throws IOException {
        Path dir = Files.createDirectories(work.resolve("config"));
        StringBuilder sources = new StringBuilder("sources:\n");
        for (int s = 0; s < ids.size(); s++) {
            boolean zh = chinese(s, plan);
            sources.append("  - id: ").append(ids.get(s)).append("\n    name: Bench source ").append(s)
                    .append("\n    region: ").append(zh ? "CN" : "EU").append("\n    language: ").append(zh ? "zh" : "en")
                    .append("\n    kind: feed\n    url: ").append(server.uri(ids.get(s)))
                    .append("\n    schedule: ").append(plan.pollInterval().toSeconds()).append("s\n");
        }
        Files.writeString(dir.resolve("sources.yaml"), sources);
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch:\n  url: " + esUrl + "\ndata_dir: "
                + work.resolve("data") + "\n");
        return dir;
    }

    /** Titles and summaries to draw from (the corpus feeds when present) and bodies of realistic length. */
    private record Pools(List<String[]> english, List<String[]> chinese, List<TextItem> englishBodies,
                         List<TextItem> chineseBodies) {
        FeedReplayServer.Entry entry(boolean zh, int n, String link, Instant published) {
            List<String[]> heads = zh ? chinese : english;
            String[] head = heads.get(n % heads.size());
            TextItem body = (zh ? chineseBodies : englishBodies).get(n % (zh ? chineseBodies : englishBodies).size());
            String title = head[0];
            String description = (head[1].isBlank() ? "" : head[1] + (zh ? "" : " ")) + body.text();
            return new FeedReplayServer.Entry(title, link, description, published);
        }
    }

    private Pools pools(int items) throws IOException {
        List<String[]> english = new ArrayList<>();
        List<String[]> chinese = new ArrayList<>();
        Path dir = sharedDir == null ? null : sharedDir.resolve("corpus/feeds");
        if (dir != null && Files.isDirectory(dir)) {
            RomeFeedParser parser = new RomeFeedParser(new FeedDecoder());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                    try {
                        for (FeedEntry e : parser.parse("bench", Files.readAllBytes(p), null, null,
                                URI.create("http://bench.local/"), Instant.now()).entries()) {
                            if (e.title() == null || e.title().isBlank()) {
                                continue;
                            }
                            String summary = e.summary() == null ? "" : e.summary();
                            summary = summary.substring(0, Math.min(400, summary.length()));
                            boolean zh = HAN.matcher(e.title()).find();
                            boolean en = e.lang() == null ? e.title().chars().allMatch(c -> c < 128) : e.lang().startsWith("en");
                            if (zh) {
                                chinese.add(new String[] {e.title(), summary});
                            } else if (en) {
                                english.add(new String[] {e.title(), summary});
                            }
                        }
                    } catch (FeedParseException expected) {
                        // some corpus feeds are meant to fail
                    }
                }
            }
        }
        List<TextItem> englishBodies = texts.englishItems(Math.min(items, 2000));
        List<TextItem> chineseBodies = texts.chineseItems(500);
        if (english.isEmpty()) {
            englishBodies.forEach(t -> english.add(new String[] {t.title(), ""}));
        }
        if (chinese.isEmpty()) {
            chineseBodies.forEach(t -> chinese.add(new String[] {t.title(), ""}));
        }
        LOG.info("event=bench_pools english_titles={} chinese_titles={}", english.size(), chinese.size());
        return new Pools(english, chinese, englishBodies, chineseBodies);
    }
}
