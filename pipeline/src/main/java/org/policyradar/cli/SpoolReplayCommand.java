package org.policyradar.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.spool.ItemSpool;
import org.policyradar.spool.SpoolingIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radar spool replay --from DIR}: sends another instance's spool to Elasticsearch, for an instance of a
 * cluster that never comes back (its spool holds what only it fetched). Items are written by id, so replaying a
 * spool its own instance also replays costs a rewrite, never a duplicate.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send the batches waiting in another instance's spool (its DATA_DIR, or DATA_DIR/spool) to Elasticsearch.",
                "Exit 0 when all are indexed, 3 when some still wait or were refused for good (dead letters stay in DIR)."})
final class SpoolReplayCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    SpoolReplayCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The other instance's DATA_DIR or its spool directory.")
    Path from;

    @Option(names = "--wait-es", defaultValue = "30s", paramLabel = "DURATION",
            description = "How long to wait for Elasticsearch to take the batches (default: ${DEFAULT-VALUE}).")
    String waitEs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration wait = Durations.parse("--wait-es", waitEs);
        Path dir = Files.isDirectory(from.resolve("spool")) ? from.resolve("spool") : from;
        if (!Files.isDirectory(dir)) {
            throw new UserException("--from: " + from + " is not a directory (give the other instance's DATA_DIR or DATA_DIR/spool)");
        }
        try (Services services = new Services(config.dir, environment)) {
            ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), services.clock());
            int before = spool.pendingCount();
            SpoolingIndexer indexer = IngestionPipeline.spoolingIndexer(services, spool, services.elasticsearch());
            int left = indexer.drain(wait, attempt -> Duration.ofSeconds(Math.min(10, 1L << Math.min(attempt, 3))));
            indexer.refresh();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("replay: %s: batches=%d sent=%d still_waiting=%d dead_lettered=%d%n", dir, before, before - left, left,
                    indexer.deadLettered());
            out.flush();
            return left == 0 && indexer.deadLettered() == 0 ? 0 : 3;
        }
    }
}
