package org.policyradar.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyradar.app.Radar;
import org.policyradar.app.UserException;
import org.policyradar.index.IndexSetup;
import org.policyradar.reclassify.ReclassifyScope;
import org.policyradar.reclassify.ReclassifyStateFile;
import org.policyradar.reclassify.ReclassifySummary;
import org.policyradar.reclassify.Reclassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar reclassify}: the stored archive classified again by the current taxonomy and model. */
@Command(name = "reclassify", mixinStandardHelpOptions = true,
        description = {"Classify the stored items again with the current taxonomy and decision model and update their "
                + "classification fields (topics, scores, evidence, entities, signals, tokens, gloss, figures) in place.",
                "Resumable: a killed or --limit'ed run goes on after the last page it wrote when run again with the same "
                        + "options (state in DATA_DIR/reclassify/state.json). Exit 0 when done, 3 when some items failed."})
final class ReclassifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only items published in the last DURATION, e.g. 90d.")
    String since;

    @Option(names = "--source", paramLabel = "ID", description = "Only items of this source id.")
    String source;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Stop after N items; the next run resumes there (default: no limit).")
    long limit;

    @Option(names = "--restart", description = "Start over, ignoring an unfinished earlier run.")
    boolean restart;

    @Option(names = "--progress-every", defaultValue = "1000", paramLabel = "N", description = "One progress line per N items (default: ${DEFAULT-VALUE}).")
    int progressEvery;

    @Option(names = "--page-size", defaultValue = "500", paramLabel = "N", hidden = true)
    int pageSize;

    @Override
    public Integer call() throws Exception {
        if (limit < 0 || progressEvery < 1 || pageSize < 1 || pageSize > 10_000) {
            throw new UserException("--limit must be 0 or more, --progress-every 1 or more, --page-size from 1 to 10000");
        }
        ReclassifyScope scope = new ReclassifyScope(IndexSetup.ITEMS.alias(), Optional.ofNullable(source), Optional.ofNullable(since),
                Optional.ofNullable(since).map(s -> Durations.parse("--since", s)));
        PrintWriter out = options.out();
        PrintWriter err = options.err();
        try (Radar radar = options.open()) {
            Reclassifier reclassifier = radar.reclassifier();
            ReclassifySummary summary;
            try {
                summary = reclassifier.run(scope, new Reclassifier.Options(pageSize,
                    radar.config().classifyThreads(), limit, progressEvery, restart), line -> {
                    err.println(line);
                    err.flush();
                });
            } catch (ReclassifyStateFile.UnreadableState e) { // the message names the file and the fix
                throw new UserException(e.getMessage());
            }
            summary.lines().forEach(out::println);
            out.flush();
            return summary.state().failed() > 0 ? 3 : 0;
        }
    }
}
