package org.policyradar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.bench.Benchmark;
import org.policyradar.bench.Benchmark.Figure;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextItem;
import org.policyradar.index.ElasticsearchConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radar bench}: measures parsing, classification and indexing on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure feed parsing, classification (en, zh), indexing (vs raw _bulk), start-up and peak heap; "
                + "prints a table, --json FILE writes the figures. Uses ../shared when present.")
final class BenchCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    BenchCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--items", defaultValue = "2000", description = "Items for classification and indexing (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--shared", defaultValue = "${env:RADAR_SHARED_DIR:-../shared}", description = "The shared corpus directory.")
    Path shared;

    @Option(names = "--no-index", description = "Skip the Elasticsearch part.")
    boolean noIndex;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (items < 10) {
            throw new UserException("--items: at least 10");
        }
        List<Figure> figures = new ArrayList<>();
        try (Services services = new Services(config.dir, environment)) {
            long start = System.nanoTime();
            ItemClassifier classifier = services.classifier();
            Benchmark bench = new Benchmark(classifier, Files.isDirectory(shared) ? shared : null,
                    Runtime.getRuntime().availableProcessors());
            bench.chineseItems(1).forEach(classifier::classify); // loads the Chinese segmenter
            figures.add(new Figure("start-up (models loaded)", (System.nanoTime() - start) / 1e9, "s", "English + Chinese"));
            figures.add(bench.feedParsing());
            List<TextItem> en = bench.englishItems(items);
            figures.addAll(bench.classification("en", en));
            figures.addAll(bench.classification("zh", bench.chineseItems(Math.max(10, items / 4))));
            if (!noIndex) {
                ElasticsearchConnection es = services.elasticsearch();
                figures.addAll(bench.indexing(es.client(), es.url(), bench.documents(en, items * 5), 3));
            }
            figures.add(Benchmark.peakHeap());
        }
        PrintWriter out = spec.commandLine().getOut();
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
