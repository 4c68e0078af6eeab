package org.policyradar.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.policyradar.classify.Evaluation;
import org.policyradar.classify.GoldItem;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextAnalysers;
import org.policyradar.classify.TextItem;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.Glossary;
import org.policyradar.item.Item;
import org.policyradar.item.ItemFactory;
import org.policyradar.reclassify.ReclassifyScope;
import org.policyradar.reclassify.ReclassifyStateFile;
import org.policyradar.reclassify.ReclassifySummary;
import org.policyradar.reclassify.Reclassifier;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.testing.TestElasticsearch;

/**
 * Development aid, not run by the suite: the rate of {@code reclassify} against classification alone of the same
 * items with the same number of threads, alternated, on the dev set's 1,106 items stored in a test Elasticsearch.
 * Run with the test classpath and {@code -Dradar.es.distribution=pipeline/target/elasticsearch/elasticsearch-9.2.8.zip}.
 */
public final class ReclassifyRate {
    public static void main(String[] args) throws Exception {
        Path gold = Path.of(args.length > 0 ? args[0] : "../shared/corpus/labels/dev.jsonl");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int threads = 2;
        ItemClassifier classifier = new org.policyradar.app.ClassifierCache().classifier(Optional.empty());
        List<GoldItem> items = Evaluation.readGold(gold);
        SourceConfig source = new SourceConfig("dev", "Dev set", Region.EU, "en", SourceKind.FEED, URI.create("https://dev.example/rss"),
                Schedule.parse("1h").orElseThrow(), Optional.empty(), false, Optional.empty(), false, List.of(), "");
        ItemFactory factory = new ItemFactory(classifier, Glossary.of(TaxonomyLoader.loadDefault()));
        Instant now = Instant.now();
        List<Item> stored = new ArrayList<>();
        List<TextItem> texts = new ArrayList<>();
        for (GoldItem g : items) {
            stored.add(factory.build(source, ItemFactory.RawItem.builder().url("https://dev.example/" + g.id()).title(g.title())
                    .summary(g.summary()).text(g.text()).published(now).fetched(now).declaredLang(g.lang()).build()));
        }
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
            String alias = "radar-items-rate-" + Long.toString(System.nanoTime(), 36);
            es.client().indices().create(c -> c.index(alias + "-000001").aliases(alias, a -> a.isWriteIndex(true)));
            new ItemIndexer(es.client(), alias).index(stored);
            es.client().indices().refresh(r -> r.index(alias));
            for (Item i : stored) {
                texts.add(new TextItem(i.id(), i.title(), i.summary(), i.text(), i.lang()));
            }
            Path state = Files.createTempDirectory("reclassify-rate").resolve("state.json");
            Reclassifier reclassifier = new Reclassifier(es.client(), classifier, Glossary.of(TaxonomyLoader.loadDefault()),
                    new ReclassifyStateFile(state, ElasticsearchConnection.objectMapper()), Clock.systemUTC(), ElasticsearchConnection.objectMapper());
            classifyAlone(classifier, texts.subList(0, 100), threads); // warm-up
            for (int round = 1; round <= rounds; round++) {
                double alone = classifyAlone(classifier, texts, threads);
                System.out.printf("round %d classification alone: %d items, %.1f items/s, load %s%n", round, texts.size(), alone, load());
                ReclassifySummary s = reclassifier.run(ReclassifyScope.all(alias), new Reclassifier.Options(500, threads, 0, 100_000, true), l -> { });
                System.out.printf("round %d reclassify: %d items, %.1f items/s (its classification steps %.1f items/s), %.2fx of alone, load %s%n",
                        round, s.processedThisRun(), s.itemsPerSecond(), s.classifyingItemsPerSecond(), s.itemsPerSecond() / alone, load());
            }
            es.client().indices().delete(d -> d.index(alias + "-000001"));
        }
        System.exit(0);
    }

    private static double classifyAlone(ItemClassifier classifier, List<TextItem> texts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (TextItem t : texts) {
            futures.add(pool.submit(() -> classifier.classify(t)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return texts.size() / seconds;
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
