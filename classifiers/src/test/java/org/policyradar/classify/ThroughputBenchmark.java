package org.policyradar.classify;

import org.policyradar.taxonomy.TaxonomyLoader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures load time, live heap and classification throughput (a tool, not a test: timings on a shared machine
 * must not fail builds). English items of ~300 tokens are cut from the MERICS report; Chinese items are the dev set's
 * Chinese title+summary texts. Run:
 * {@code java -Xmx1500m -cp classifiers/target/test-classes:classifiers/target/classes:$(cat cp.txt)
 * org.policyradar.classify.ThroughputBenchmark ../shared THREADS SECONDS}
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        long t0 = System.nanoTime();
        TextAnalysers analysers = new TextAnalysers();
        TaxonomyClassifier classifier = new TaxonomyClassifier(TaxonomyLoader.loadDefault(), analysers);
        long enLoad = System.nanoTime() - t0;
        System.out.printf("load.english_ms=%d live_heap_mb=%d%n", enLoad / 1_000_000, liveHeapMb());
        t0 = System.nanoTime();
        analysers.preloadChinese();
        System.out.printf("load.chinese_ms=%d live_heap_mb=%d%n", (System.nanoTime() - t0) / 1_000_000, liveHeapMb());

        List<TextItem> english = englishItems(shared.resolve("report/china-digital-rise-merics-2019.txt"), analysers);
        List<TextItem> chinese = new ArrayList<>();
        for (GoldItem g : Evaluation.readGold(shared.resolve("corpus/labels/dev.jsonl"))) {
            if ("zh".equals(g.lang())) chinese.add(g.toTextItem());
        }
        run("en", classifier, english, threads, Math.max(3, seconds / 4));   // warm-up
        run("en", classifier, english, threads, seconds);
        run("zh", classifier, chinese, threads, Math.max(3, seconds / 4));
        run("zh", classifier, chinese, threads, seconds);
        System.out.printf("after_run live_heap_mb=%d max_heap_mb=%d%n", liveHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Cuts the report into items of about 300 CoreNLP tokens: a one-line title and the rest as summary. */
    private static List<TextItem> englishItems(Path report, TextAnalysers analysers) throws Exception {
        String text = Files.readString(report).replaceAll("<[^>]+>", " ").replaceAll("[#*]|\\.{3,}", " ").replaceAll("\\s+", " ");
        List<Token> tokens = analysers.analyseLatin(text).tokens();
        List<TextItem> items = new ArrayList<>();
        for (int i = 0; i + 300 <= tokens.size(); i += 300) {
            int titleEnd = tokens.get(i + 15).end();
            items.add(new TextItem("en" + i, text.substring(tokens.get(i).begin(), titleEnd),
                    text.substring(titleEnd, tokens.get(i + 299).end()), null, "en"));
        }
        return items;
    }

    private static void run(String name, ItemClassifier classifier, List<TextItem> items, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        AtomicLong chars = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    TextItem item = items.get(i % items.size());
                    classifier.classify(item);
                    done.incrementAndGet();
                    chars.addAndGet(item.title().length() + (item.summary() == null ? 0 : item.summary().length()));
                }
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("run lang=%s threads=%d items=%d seconds=%.1f items_per_s=%.0f chars_per_s=%.0f%n",
                name, threads, done.get(), secs, done.get() / secs, chars.get() / secs);
    }

    private static long liveHeapMb() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
