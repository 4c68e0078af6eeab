package org.policyradar.cli;

import org.policyradar.app.Radar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.policyradar.config.SourceConfig;
import org.policyradar.health.SourceHealth;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.route.PollOutcome;
import org.policyradar.spool.SpoolContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar sources}: the health of every configured source. */
@Command(name = "sources", mixinStandardHelpOptions = true, subcommands = SourcesCheckCommand.class,
        description = "Each source's last attempt and success, HTTP status, error, items new/total and average per day; "
                + "state is ok, failing, selectors_stale (an html source's selectors matched nothing: the "
                + "detected listing was used and its selectors are suggested), stale (nothing new for longer than usual) or never-polled.")
final class SourcesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--json", description = "One JSON object per source instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Radar radar = options.open()) {
            List<SourceHealth> health = radar.sourceHealth();
            Map<String, SourceHealth> byId = health.stream().collect(Collectors.toMap(h -> h.source().id(), h -> h));
            // Items of the source not yet in Elasticsearch (read from the spool directory, never from the index).
            Map<String, SpoolContents.PerSource> spooled = radar.spoolContents().bySource();
            PrintWriter out = options.out();
            ObjectMapper mapper = ElasticsearchConnection.objectMapper();
            if (!json) {
                out.printf("%-26s %-4s %-5s %-15s %-20s %-20s %6s %6s %8s %7s %7s  %s%n", "SOURCE", "REG", "KIND", "STATE",
                        "LAST ATTEMPT", "LAST SUCCESS", "STATUS", "NEW", "TOTAL", "PER DAY", "WAITING", "ERROR");
            }
            for (SourceConfig s : radar.config().sources()) {
                SourceHealth h = byId.get(s.id());
                int waiting = spooled.containsKey(s.id()) ? spooled.get(s.id()).items() : 0;
                if (json) {
                    var node = mapper.valueToTree(h == null ? Map.of("source", Map.of("id", s.id()), "state", "never-polled") : h);
                    out.println(mapper.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) node).put("spool_waiting", waiting)));
                } else if (h == null) {
                    out.printf("%-26s %-4s %-5s %-15s %-20s %-20s %6s %6s %8s %7s %7d%n", s.id(), s.region(), s.kind().id(),
                            "never-polled", "-", "-", "-", "-", "-", "-", waiting);
                } else {
                    out.printf("%-26s %-4s %-5s %-15s %-20s %-20s %6d %6d %8d %7.1f %7d  %s%n", s.id(), s.region(), s.kind().id(),
                            h.state(), time(h.lastAttempt()), time(h.lastSuccess()), h.lastStatus(), h.itemsNewLast(),
                            h.itemsTotal(), h.avgItemsPerDay(), waiting, message(h));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The error when failing; else the selectors_stale note (the fix is in it), then the item errors. */
    private static String message(SourceHealth h) {
        if (h.consecutiveFailures() > 0 && h.lastError() != null) {
            return h.lastError();
        }
        String items = PollOutcome.summarise(h.itemErrorsLast(), h.itemsFailedLast());
        if (h.selectorsStale() && h.listingNote() != null) {
            return h.listingNote() + (items.isEmpty() ? "" : "; " + items);
        }
        return items;
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString().substring(0, 19);
    }
}
