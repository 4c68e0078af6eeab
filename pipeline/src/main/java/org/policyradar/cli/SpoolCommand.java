package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.DeadLetterRetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.spool.DeadLetters;
import org.policyradar.spool.SpoolContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar spool}: what waits for Elasticsearch, the dead letters, and sending them again. */
@Command(name = "spool", mixinStandardHelpOptions = true,
        description = {"What waits in the spool for Elasticsearch: batches, items, per source the oldest and the last error.",
                "Read-only: safe while radar run is running."},
        subcommands = {SpoolCommand.DeadLettersCommand.class, SpoolCommand.RetryCommand.class, SpoolReplayCommand.class})
final class SpoolCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--json", description = "One JSON object per waiting batch instead of the summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Radar radar = options.open()) {
            SpoolContents contents = radar.spoolContents();
            PrintWriter out = options.out();
            List<SpoolContents.Waiting> waiting = contents.waiting();
            if (json) {
                ObjectMapper mapper = ElasticsearchConnection.objectMapper();
                for (SpoolContents.Waiting w : waiting) {
                    out.println(mapper.writeValueAsString(w));
                }
                out.flush();
                return 0;
            }
            int items = waiting.stream().mapToInt(SpoolContents.Waiting::items).sum();
            out.printf("spool: %s: batches=%d items=%d oldest=%s dead_letters=%d%n", radar.spoolDir(), waiting.size(), items,
                    waiting.stream().map(SpoolContents.Waiting::since).min(Instant::compareTo).map(SpoolCommand::time).orElse("-"),
                    contents.deadLetters().size());
            if (!waiting.isEmpty()) {
                out.printf("%-28s %7s %7s %-20s %8s  %s%n", "SOURCE", "BATCHES", "ITEMS", "OLDEST", "REFUSALS", "LAST ERROR");
                for (SpoolContents.PerSource p : contents.bySource().values()) {
                    out.printf("%-28s %7d %7d %-20s %8d  %s%n", p.source(), p.batches(), p.items(), time(p.oldest()), p.refusals(),
                            p.lastError() == null ? "-" : p.lastError());
                }
            }
            out.flush();
            return 0;
        }
    }

    private static String time(Instant t) {
        return t.toString().substring(0, 19);
    }

    /** {@code radar spool dead-letters}: items refused for good, with their reason. */
    @Command(name = "dead-letters", mixinStandardHelpOptions = true,
            description = "Items Elasticsearch refused for good (and damaged spool lines), with the reason and the tries.")
    static final class DeadLettersCommand implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--json", description = "One JSON object per dead letter (with the item) instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Radar radar = options.open()) {
                List<DeadLetters.Letter> letters = radar.spoolContents().deadLetters();
                PrintWriter out = options.out();
                ObjectMapper mapper = ElasticsearchConnection.objectMapper();
                if (!json) {
                    out.printf("%-20s %-24s %-8s %-60s %s%n", "TIME", "SOURCE", "TRIES", "URL", "REASON");
                }
                for (DeadLetters.Letter l : letters) {
                    if (json) {
                        out.println(mapper.writeValueAsString(l));
                    } else {
                        out.printf("%-20s %-24s %-8s %-60s %s%n", l.time().substring(0, Math.min(19, l.time().length())), l.source(),
                                l.attempts() == null ? "-" : l.attempts(), l.url() == null ? "-" : l.url(), l.reason());
                    }
                }
                if (!json) {
                    out.printf("%d dead letter(s)%s%n", letters.size(), letters.stream().anyMatch(l -> l.item() != null)
                            ? "; after fixing the cause: radar spool retry" : "");
                }
                out.flush();
                return 0;
            }
        }
    }

    /** {@code radar spool retry}: the dead letters back into the spool, then sent. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Puts every dead letter that holds its item back into the spool and sends what waits now.",
                    "Exit 0 when everything was indexed, 3 when something still waits or was refused again."})
    static final class RetryCommand implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() throws Exception {
            try (Radar radar = options.open()) {
                DeadLetterRetry retry = radar.retryDeadLetters();
                Map<String, Integer> requeued = retry.requeued();
                PrintWriter out = options.out();
                out.printf("retry: %d dead letter(s) sent back to the spool (%s); batches still waiting=%d; dead-lettered again=%d%n",
                        retry.requeuedItems(), requeued.isEmpty() ? "none" : requeued.toString().replaceAll("[{}]", ""),
                        retry.stillWaiting(), retry.deadLetteredAgain());
                out.flush();
                return retry.allIndexed() ? 0 : 3;
            }
        }
    }
}
