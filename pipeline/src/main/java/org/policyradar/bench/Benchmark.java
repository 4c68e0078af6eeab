package org.policyradar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.policyradar.classify.Classification;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextItem;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.DensityArticleExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.parse.FeedDecoder;
import org.policyradar.parse.FeedParseException;
import org.policyradar.parse.FeedParser;
import org.policyradar.parse.RomeFeedParser;

/**
 * Measures the hot paths on this machine: feed parsing, classification (English and Chinese separately), and
 * indexing compared in the same run with a raw {@code _bulk} of the same documents. Figures, not assertions.
 */
public final class Benchmark {

    /** One measured figure. */
    public record Figure(String name, double value, String unit, String note) {
    }

    private final ItemClassifier classifier;
    private final Path sharedDir;
    private final int threads;

    public Benchmark(ItemClassifier classifier, Path sharedDir, int threads) {
        this.classifier = classifier;
        this.sharedDir = sharedDir;
        this.threads = threads;
    }

    /**
     * Decodes and extracts the main text of every corpus page (or a generated article) repeatedly for about two
     * seconds, single-threaded: pages/s and the megabytes of HTML behind them.
     */
    public List<Figure> extraction() throws IOException {
        List<byte[]> pages = new ArrayList<>();
        Path dir = sharedDir == null ? null : sharedDir.resolve("corpus/html");
        boolean corpus = dir != null && Files.isDirectory(dir);
        if (corpus) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".html") && !f.toString().endsWith(".expected.html")).sorted().toList()) {
                    pages.add(Files.readAllBytes(p));
                }
            }
        }
        if (pages.isEmpty()) {
            pages.add(generatedPage().getBytes(StandardCharsets.UTF_8));
        }
        HtmlDecoder decoder = new HtmlDecoder();
        ArticleExtractor extractor = new DensityArticleExtractor();
        long count = 0;
        long bytes = 0;
        long textChars = 0;
        long start = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - start < 2_000_000_000L || rounds < 2) {
            for (byte[] page : pages) {
                textChars += extractor.extract(decoder.decode(page, null, null), "https://bench.local/").text().length();
                bytes += page.length;
                count++;
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String what = pages.size() + (corpus ? " corpus pages" : " generated page") + ", " + rounds + " rounds, 1 thread";
        return List.of(new Figure("extraction", count / seconds, "pages/s", what + String.format(", %.0f chars of text per page",
                        textChars / (double) count)),
                new Figure("extraction", bytes / seconds / 1e6, "MB/s", "HTML decoded and extracted"));
    }

    private static String generatedPage() {
        StringBuilder sb = new StringBuilder("<html><head><title>Bench article</title></head><body><div class=\"nav\">");
        for (int i = 0; i < 40; i++) sb.append("<a href=\"/s").append(i).append("\">Section ").append(i).append("</a> ");
        sb.append("</div><div class=\"article\"><h1>Ministry publishes 5G and AI development plan</h1>");
        for (int i = 0; i < 30; i++) {
            sb.append("<p>The ministry said the plan sets targets for 5G base stations, artificial intelligence and data "
                    + "security by 2025, with funding for research and pilot zones in several provinces.</p>");
        }
        return sb.append("</div><div class=\"footer\">Copyright</div></body></html>").toString();
    }

    /** Parses every corpus feed (or a generated one) repeatedly for about two seconds. */
    public Figure feedParsing() throws IOException {
        List<byte[]> feeds = new ArrayList<>();
        Path dir = sharedDir == null ? null : sharedDir.resolve("corpus/feeds");
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                    feeds.add(Files.readAllBytes(p));
                }
            }
        } else {
            feeds.add(generatedFeed(200).getBytes(StandardCharsets.UTF_8));
        }
        FeedParser parser = new RomeFeedParser(new FeedDecoder());
        long entries = 0;
        long start = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - start < 2_000_000_000L || rounds < 2) {
            for (byte[] f : feeds) {
                try {
                    entries += parser.parse("bench", f, null, null, URI.create("http://bench.local/"), Instant.now()).entries().size();
                } catch (FeedParseException expected) {
                    // the corpus contains feeds that are meant to fail
                }
            }
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figure("feed parsing", entries / seconds, "entries/s",
                feeds.size() + (dir != null && Files.isDirectory(dir) ? " corpus feeds" : " generated feed") + ", " + rounds + " rounds");
    }

    /** Classifies items on {@code threads} threads; returns items/s and tokens/s (or chars/s for Chinese). */
    public List<Figure> classification(String lang, List<TextItem> items) throws Exception {
        for (int i = 0; i < Math.min(items.size(), 50); i++) {
            classifier.classify(items.get(i)); // JIT warm-up and lazy model load, not measured
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long tokens = 0;
        long chars = 0;
        long start = System.nanoTime();
        try {
            List<Future<Classification>> futures = new ArrayList<>();
            for (TextItem item : items) {
                futures.add(pool.submit(() -> classifier.classify(item)));
            }
            for (int i = 0; i < futures.size(); i++) {
                Classification c = futures.get(i).get();
                String body = c.tokens().getOrDefault("body", "");
                tokens += body.isEmpty() ? 0 : body.split(" ").length;
                chars += items.get(i).text() == null ? 0 : items.get(i).text().length();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return List.of(new Figure("classify " + lang, items.size() / seconds, "items/s", items.size() + " items, " + threads + " threads"),
                lang.startsWith("zh") ? new Figure("classify " + lang, chars / seconds, "chars/s", "segmenter included")
                        : new Figure("classify " + lang, tokens / seconds, "tokens/s", "CoreNLP tokens"));
    }

    /**
     * Indexes the items through PolicyRadar's indexer and, separately, as a raw {@code _bulk} of the same documents
     * serialised beforehand. Fair by construction: both go into fresh indices with the real {@code radar-items}
     * settings and mapping, in batches of the same size, without a refresh; both paths are warmed up first (the first
     * bulk into a cold node costs twice the later ones, which is what made the indexer look 0.5x); the order
     * alternates between rounds and the medians are compared; both indices must end with every document.
     */
    public List<Figure> indexing(ElasticsearchClient client, String esUrl, List<Item> items, int rounds) throws Exception {
        ObjectMapper json = org.policyradar.index.ElasticsearchConnection.objectMapper();
        HttpClient http = HttpClient.newHttpClient();
        List<Item> warmUp = items.subList(0, Math.min(items.size(), BULK_SIZE));
        indexOurs(client, warmUp);
        indexRaw(client, http, esUrl, json, warmUp);
        List<Double> ours = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                ours.add(indexOurs(client, items));
                raw.add(indexRaw(client, http, esUrl, json, items));
            } else {
                raw.add(indexRaw(client, http, esUrl, json, items));
                ours.add(indexOurs(client, items));
            }
        }
        double oursRate = items.size() / median(ours);
        double rawRate = items.size() / median(raw);
        String note = items.size() + " docs, batches of " + BULK_SIZE + ", median of " + rounds + " alternating rounds";
        return List.of(new Figure("index (ItemIndexer)", oursRate, "docs/s", note),
                new Figure("index (raw _bulk)", rawRate, "docs/s", "same docs pre-serialised, JDK HTTP client"),
                new Figure("index ratio", oursRate / rawRate, "x", "target >= 0.8"));
    }

    private static final int BULK_SIZE = 1000;

    /** Seconds to index the items through {@link ItemIndexer}. */
    private double indexOurs(ElasticsearchClient client, List<Item> items) throws Exception {
        String index = freshIndex(client, "ours");
        try {
            ItemIndexer indexer = new ItemIndexer(client, index);
            long start = System.nanoTime();
            int failed = 0;
            for (int i = 0; i < items.size(); i += BULK_SIZE) {
                failed += indexer.index(items.subList(i, Math.min(items.size(), i + BULK_SIZE))).failures().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            requireAll(client, index, items.size(), failed);
            return seconds;
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    /** Seconds to send the same items as pre-serialised NDJSON {@code _bulk} bodies (serialisation not timed). */
    private double indexRaw(ElasticsearchClient client, HttpClient http, String esUrl, ObjectMapper json, List<Item> items)
            throws Exception {
        String index = freshIndex(client, "raw");
        try {
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < items.size(); i += BULK_SIZE) {
                StringBuilder sb = new StringBuilder();
                for (Item item : items.subList(i, Math.min(items.size(), i + BULK_SIZE))) {
                    sb.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(item.id()).append("\"}}\n")
                            .append(json.writeValueAsString(item)).append('\n');
                }
                bodies.add(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            int failed = 0;
            long start = System.nanoTime();
            for (byte[] body : bodies) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_bulk"))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IOException("raw _bulk answered " + r.statusCode());
                }
                failed += r.body().contains("\"errors\":true") ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            requireAll(client, index, items.size(), failed);
            return seconds;
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    /** A new index with the settings and mapping of the real {@code radar-items} template. */
    private static String freshIndex(ElasticsearchClient client, String kind) throws IOException {
        String index = "radar-bench-" + kind + "-" + System.nanoTime();
        JsonNode template;
        try (InputStream in = Benchmark.class.getResourceAsStream(IndexSetup.ITEMS.templateResource())) {
            template = new ObjectMapper().readTree(in).path("template");
        }
        byte[] body = new ObjectMapper().writeValueAsBytes(template);
        client.indices().create(c -> c.index(index).withJson(new ByteArrayInputStream(body)));
        return index;
    }

    /** Both paths must have stored every document, or the comparison means nothing. */
    private static void requireAll(ElasticsearchClient client, String index, int expected, int failed) throws IOException {
        client.indices().refresh(r -> r.index(index));
        long count = client.count(c -> c.index(index)).count();
        if (count != expected || failed > 0) {
            throw new IOException("bench index " + index + " holds " + count + " of " + expected + " documents (" + failed
                    + " failures): the comparison would not be fair");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** English items of about 300 tokens from the report's text when present, else generated sentences. */
    public List<TextItem> englishItems(int n) throws IOException {
        List<String> words = new ArrayList<>();
        Path report = sharedDir == null ? null : sharedDir.resolve("report/china-digital-rise-merics-2019.txt");
        String source = report != null && Files.isRegularFile(report) ? Files.readString(report)
                : "China's 5G networks expand while Europe debates Huawei, artificial intelligence rules and cyber security. ".repeat(400);
        for (String w : source.replaceAll("[#*|]", " ").split("\\s+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = (i * 257) % Math.max(1, words.size() - 260);
            String text = String.join(" ", words.subList(from, from + Math.min(250, words.size() - from)));
            items.add(new TextItem("en-" + i, "Item " + i + ": " + String.join(" ", words.subList(from, from + 8)), null, text, "en"));
        }
        return items;
    }

    /** Chinese items: the Chinese titles and summaries of the labelled dev set when present, else our own sentences. */
    public List<TextItem> chineseItems(int n) throws IOException {
        List<String> texts = new ArrayList<>();
        Path dev = sharedDir == null ? null : sharedDir.resolve("corpus/labels/dev.jsonl");
        if (dev != null && Files.isRegularFile(dev)) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(dev)) {
                var node = json.readTree(line);
                if ("zh".equals(node.path("lang").asText())) {
                    texts.add(node.path("title").asText() + "。" + node.path("summary").asText(""));
                }
            }
        }
        if (texts.isEmpty()) {
            texts.add("工业和信息化部发布通知，推动5G基站建设和人工智能产业发展，加强网络安全保障，支持区块链和量子通信技术创新。");
        }
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String t = texts.get(i % texts.size());
            items.add(new TextItem("zh-" + i, t.substring(0, Math.min(30, t.length())), null, t, "zh"));
        }
        return items;
    }

    /** Items to index: classified English items, so documents have the real shape. */
    public List<Item> documents(List<TextItem> texts, int n) {
        List<Item> out = new ArrayList<>(n);
        Instant now = Instant.now();
        Map<TextItem, Classification> classified = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            TextItem t = texts.get(i % texts.size());
            Classification c = classified.computeIfAbsent(t, classifier::classify); // same text, same classification
            String url = "https://bench.local/item/" + i;
            Map<String, List<String>> evidence = new LinkedHashMap<>();
            c.evidence().forEach((topic, list) -> evidence.put(topic, list.stream().map(e -> e.term()).distinct().toList()));
            out.add(Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url).title(t.title())
                    .text(t.text()).published(now.minusSeconds(i)).fetched(now).lang(c.lang())
                    .source(new SourceRef("bench-" + (i % 50), "Bench " + (i % 50), i % 2 == 0 ? "CN" : "EU"))
                    .topics(c.topics()).scores(c.scores()).evidence(evidence).evidenceDetail(List.of())
                    .entities(List.of()).signals(List.of()).titleTokens(c.tokens().get("title"))
                    .bodyTokens(c.tokens().get("body")).build());
        }
        return out;
    }

    static String generatedFeed(int entries) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bench</title>");
        for (int i = 0; i < entries; i++) {
            sb.append("<item><title>Item ").append(i).append(" on 5G and AI policy</title><link>https://bench.local/")
                    .append(i).append("</link><description>Text ").append(i)
                    .append("</description><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString();
    }
}
