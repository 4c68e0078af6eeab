package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.bench.Benchmark;
import org.policyradar.bench.HeapWatch;
import org.policyradar.bench.EndToEndBenchmark;
import org.policyradar.bench.Benchmark.Figure;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextItem;
import org.policyradar.index.ElasticsearchConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar bench}: measures parsing, classification and indexing on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure feed parsing, extraction, classification (en, zh), indexing (vs raw _bulk), start-up and peak heap; "
                + "prints a table, --json FILE writes the figures. Uses ../shared when present.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--items", defaultValue = "2000", description = "Items for classification and indexing (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--shared", defaultValue = "${env:RADAR_SHARED_DIR:-../shared}", description = "The shared corpus directory.")
    Path shared;

    @Option(names = "--rules-only", description = "Classify with the taxonomy rules alone, without the learned decision layer (for comparison).")
    boolean rulesOnly;

    @Option(names = "--no-index", description = "Skip the Elasticsearch part.")
    boolean noIndex;

    @Option(names = "--end-to-end", description = "Also replay generated feeds from local HTTP servers through the "
            + "run --once pipeline into Elasticsearch (items/s until searchable) and time items published between daemon polls.")
    boolean endToEnd;

    @Option(names = "--end-to-end-only", description = "Only the end-to-end part (models are still loaded and timed).")
    boolean endToEndOnly;

    @Option(names = "--sources", defaultValue = "50", description = "End to end: feeds (default: ${DEFAULT-VALUE}); one in ten is Chinese.")
    int sources;

    @Option(names = "--items-per-source", defaultValue = "200", description = "End to end: items per feed (default: ${DEFAULT-VALUE}).")
    int itemsPerSource;

    @Option(names = "--poll-interval", defaultValue = "10s", paramLabel = "DURATION",
            description = "End to end: the daemon's poll interval for the latency samples (default: ${DEFAULT-VALUE}).")
    String pollInterval;

    @Option(names = "--latency-samples", defaultValue = "5", description = "End to end: items published between polls and timed (default: ${DEFAULT-VALUE}; 0: none).")
    int latencySamples;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    private List<Figure> endToEnd(Radar radar, Benchmark bench) throws Exception {
        ElasticsearchConnection es = radar.elasticsearch();
        EndToEndBenchmark.Plan plan = new EndToEndBenchmark.Plan(sources, itemsPerSource, 10,
                Durations.parse("--poll-interval", pollInterval), latencySamples);
        // The replay runs the very wiring of radar run, on its own configuration and data directory (spool, fetch
        // state), against the same Elasticsearch; the bench's items are deleted afterwards.
        EndToEndBenchmark.PipelineOpener opener = radar.replayPipelines();
        Path work = Files.createTempDirectory("radar-bench-e2e");
        try {
            return new EndToEndBenchmark(bench, Files.isDirectory(shared) ? shared : null, opener).run(es.client(), es.url(), plan, work);
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (items < 10) {
            throw new UserException("--items: at least 10");
        }
        if (sources < 1 || sources > 5000 || itemsPerSource < 1) {
            throw new UserException("--sources: 1 to 5000 (one loopback address each), --items-per-source: at least 1");
        }
        List<Figure> figures = new ArrayList<>();
        try (HeapWatch heap = new HeapWatch(); Radar radar = options.open()) {
            long start = System.nanoTime();
            ItemClassifier classifier = radar.classifier();
            if (rulesOnly) classifier = org.policyradar.classify.learned.DecidingClassifier.rulesOf(classifier);
            Benchmark bench = new Benchmark(classifier, Files.isDirectory(shared) ? shared : null,
                    Runtime.getRuntime().availableProcessors());
            bench.chineseItems(1).forEach(classifier::classify); // loads the Chinese segmenter
            figures.add(new Figure("start-up (models loaded)", (System.nanoTime() - start) / 1e9, "s", "English + Chinese"));
            if (!endToEndOnly) {
                figures.add(bench.feedParsing());
                figures.addAll(bench.extraction());
                List<TextItem> en = bench.englishItems(items);
                figures.addAll(bench.classification("en", en));
                figures.addAll(bench.classification("zh", bench.chineseItems(Math.max(10, items / 4))));
                if (!noIndex) {
                    ElasticsearchConnection es = radar.elasticsearch();
                    figures.addAll(bench.indexing(es.client(), es.url(), bench.documents(en, items * 5), 3));
                }
            }
            if (endToEnd || endToEndOnly) {
                figures.addAll(endToEnd(radar, bench));
            }
            figures.addAll(heap.figures());
        }
        PrintWriter out = options.out();
        Runtime rt = Runtime.getRuntime();
        out.printf("machine: cores=%d max_heap=%dMB jdk=%s%n", rt.availableProcessors(), rt.maxMemory() / 1024 / 1024,
                System.getProperty("java.version"));
        for (Figure f : figures) {
            out.printf("%-28s %12.1f %-10s %s%n", f.name(), f.value(), f.unit(), f.note());
        }
        out.flush();
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), figures);
        }
        return 0;
    }
}
