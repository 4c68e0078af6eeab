package org.policyradar.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.policyradar.app.Radar;
import org.policyradar.app.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code radar spool replay --from DIR}: sends another instance's spool to Elasticsearch, for an instance of a
 * cluster that never comes back (its spool holds what only it fetched). Items are written by id, so replaying a
 * spool its own instance also replays costs a rewrite, never a duplicate.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send the batches waiting in another instance's spool (its DATA_DIR, or DATA_DIR/spool) to Elasticsearch.",
                "Exit 0 when all are indexed, 3 when some still wait or were refused for good (dead letters stay in DIR)."})
final class SpoolReplayCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The other instance's DATA_DIR or its spool directory.")
    Path from;

    @Option(names = "--wait-es", defaultValue = "30s", paramLabel = "DURATION",
            description = "How long to wait for Elasticsearch to take the batches (default: ${DEFAULT-VALUE}).")
    String waitEs;

    @Override
    public Integer call() throws Exception {
        Duration wait = Durations.parse("--wait-es", waitEs);
        Path dir = Files.isDirectory(from.resolve("spool")) ? from.resolve("spool") : from;
        if (!Files.isDirectory(dir)) {
            throw new UserException("--from: " + from + " is not a directory (give the other instance's DATA_DIR or DATA_DIR/spool)");
        }
        try (Radar radar = options.open()) {
            Radar.SpoolReplay replay = radar.replaySpool(dir, wait);
            PrintWriter out = options.out();
            out.printf("replay: %s: batches=%d sent=%d still_waiting=%d dead_lettered=%d%n", dir, replay.batches(),
                    replay.batches() - replay.stillWaiting(), replay.stillWaiting(), replay.deadLettered());
            out.flush();
            return replay.allIndexed() ? 0 : 3;
        }
    }
}
