package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.policyradar.alert.AlertsConfigLoader;
import org.policyradar.kibana.KibanaImporter;
import org.policyradar.kibana.KibanaValidator;
import org.policyradar.kibana.SavedObjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radar kibana}: the shipped Kibana data views, visualizations, saved searches and dashboards. */
@Command(name = "kibana", mixinStandardHelpOptions = true,
        description = "Validate the Kibana saved objects (kibana/policyradar.ndjson and a saved search per watch of "
                + "alerts.yaml) against Elasticsearch, import them into Kibana, or export the watches as saved searches.",
        subcommands = {KibanaCommand.Validate.class, KibanaCommand.Import.class, KibanaCommand.ExportWatches.class})
final class KibanaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check every object: JSON, required attributes, references, fields against the live mapping "
                    + "(types fitting their use), and run each Lens layer's aggregation. Exit 1 on any problem.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Mixin
        SavedObjectsInput input;

        @Option(names = "--require-data", description = "Also fail when a Lens layer's aggregation returns no buckets.")
        boolean requireData;

        @Override
        public Integer call() {
            try (Radar radar = options.open()) {
                SavedObjects objects = SavedObjects.parse(input.ndjson(radar));
                KibanaValidator.Report report = radar.kibanaValidator().validate(objects);
                PrintWriter out = options.out();
                Map<String, List<KibanaValidator.Problem>> byObject = new TreeMap<>();
                report.problems().forEach(p -> byObject.computeIfAbsent(p.type() + " " + p.id(), k -> new java.util.ArrayList<>()).add(p));
                for (var e : byObject.entrySet()) {
                    out.println("FAIL " + e.getKey());
                    e.getValue().forEach(p -> out.println("  - " + p.message()));
                }
                for (KibanaValidator.LayerCheck l : report.layers()) {
                    out.printf("%s lens %s layer %s on %s: %d bucket(s)%n", l.buckets() > 0 ? "data" : (requireData ? "FAIL" : "EMPTY"),
                            l.lensId(), l.layerId(), l.index(), l.buckets());
                }
                for (KibanaValidator.SearchCheck s : report.searches()) {
                    out.printf("search %s on %s: %d hit(s)%n", s.searchId(), s.index(), s.hits());
                }
                boolean failed = !report.ok() || (requireData && !report.emptyLayers().isEmpty());
                out.printf("%d object(s), %d problem(s), %d Lens layer(s) checked, %d without data, %d saved search(es) run: %s%n",
                        report.objects(), report.problems().size(), report.layers().size(), report.emptyLayers().size(),
                        report.searches().size(), failed ? "FAILED" : "OK");
                out.flush();
                return failed ? 1 : 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the saved objects into Kibana (overwriting objects with the same ids). Auth from "
                    + "RADAR_KIBANA_API_KEY or RADAR_KIBANA_USERNAME/RADAR_KIBANA_PASSWORD.")
    static final class Import implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Mixin
        SavedObjectsInput input;

        @Option(names = "--url", paramLabel = "URL", description = "Kibana URL (default: RADAR_KIBANA_URL or "
                + KibanaImporter.DEFAULT_URL + ").")
        String url;

        @Option(names = "--space", paramLabel = "ID", description = "Kibana space id (default: the default space).")
        String space;

        @Override
        public Integer call() throws Exception {
            byte[] ndjson;
            try (Radar radar = options.open()) {
                ndjson = input.ndjson(radar).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            KibanaImporter.Target target = KibanaImporter.Target.fromEnv(options.environment().env(), url, space);
            KibanaImporter.Result result;
            try {
                result = new KibanaImporter().importFile(target, input.file.getFileName().toString(), ndjson);
            } catch (java.io.IOException e) {
                throw new UserException("cannot reach Kibana at " + target.url() + ": " + e);
            }
            PrintWriter out = options.out();
            out.printf("Kibana %s: HTTP %d, %d object(s) imported%n", target.url(), result.status(), result.successCount());
            for (KibanaImporter.ObjectError e : result.errors()) {
                out.printf("FAIL %s %s (%s): %s%n", e.type(), e.id(), e.title(), e.error());
            }
            if (!result.success() && result.errors().isEmpty()) {
                out.println("response: " + result.body());
            }
            out.flush();
            return result.success() ? 0 : 1;
        }
    }

    @Command(name = "export-watches", mixinStandardHelpOptions = true,
            description = "Write one Kibana saved search per watch of alerts.yaml (NDJSON, ids search-watch-<id>) to "
                    + "standard output or --out; `radar kibana import` includes them already.")
    static final class ExportWatches implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the NDJSON here instead of standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            String ndjson;
            try (Radar radar = options.open()) {
                ndjson = SavedObjectsInput.watchSearches(radar);
            }
            int count = (int) ndjson.lines().count();
            if (out == null) {
                options.out().print(ndjson);
                options.out().flush();
            } else {
                Files.writeString(out, ndjson, java.nio.charset.StandardCharsets.UTF_8);
                options.out().printf("%d saved search(es) written to %s%n", count, out);
                options.out().flush();
            }
            if (count == 0) {
                options.err().println("no watches in " + options.dir.resolve(AlertsConfigLoader.FILE));
            }
            return 0;
        }
    }
}
