package org.policyradar.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.app.AlertRound;
import org.policyradar.app.Radar;
import org.policyradar.app.RunOnce;
import org.policyradar.route.PollOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar run [--once]}: poll the configured sources. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Poll every source in sources.yaml on its schedule until SIGTERM/SIGINT (then finish in-flight "
                + "items and exit 0), or once with --once.",
                "Exit codes with --once: 0 all sources polled, 3 some sources failed (see the summary), 2 bad configuration."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--once", description = "One pass over all sources; exits when everything fetched is indexed and refreshed.")
    boolean once;

    @Option(names = "--drain-timeout", defaultValue = "30s", paramLabel = "DURATION",
            description = "How long SIGTERM waits for in-flight polls (default: ${DEFAULT-VALUE}).")
    String drainTimeout;

    @Option(names = "--wait-es", defaultValue = "2m", paramLabel = "DURATION",
            description = "With --once: how long to wait for Elasticsearch to take spooled items (default: ${DEFAULT-VALUE}).")
    String waitEs;

    @Override
    public Integer call() throws Exception {
        Duration drain = Durations.parse("--drain-timeout", drainTimeout);
        Duration wait = Durations.parse("--wait-es", waitEs);
        PrintWriter out = options.out();
        try (Radar radar = options.open()) {
            if (!once) {
                printSummary(out, radar.daemon(wait, drain).runUntilSignalled());
                return 0;
            }
            RunOnce pass = radar.runOnce(wait);
            // Progress only for a person at a terminal; a pipe or a test gets the summary alone.
            RunProgress progress = System.console() != null ? new RunProgress(options.err(), radar.config().sources().size()) : null;
            RunOnce.Report report = pass.run(progress, results -> {
                if (progress != null) {
                    progress.finish();
                }
                printSummary(out, results);
            });
            printAlerts(out, report.alerts());
            if (report.spoolWaiting() > 0) {
                out.printf("spool: %d batch(es) not yet taken by Elasticsearch are kept in %s and replayed by the next run%n",
                        report.spoolWaiting(), report.spoolDir());
            }
            if (report.deadLettered() > 0) {
                out.printf("spool: %d item(s) refused for good and dead-lettered (radar spool dead-letters; radar spool retry once fixed)%n",
                        report.deadLettered());
            }
            out.flush();
            return report.exitCode();
        }
    }

    private static void printAlerts(PrintWriter out, AlertRound round) {
        if (round == null) {
            return;
        }
        if (round.error() == null) {
            out.printf("alerts: raised=%d delivered=%d delivery_failures=%d%n", round.result().raised().size(),
                    round.result().delivered(), round.result().deliveryFailures());
        } else {
            out.println("alerts: not evaluated: " + round.error());
        }
        out.flush();
    }

    static void printSummary(PrintWriter out, List<PollOutcome> results) {
        out.printf("%-28s %6s %8s %6s %8s %9s %7s %8s  %s%n", "SOURCE", "STATUS", "FETCHED", "NEW", "UPDATED", "UNCHANGED", "FAILED",
                "SPOOLED", "ERROR");
        int fetched = 0;
        int created = 0;
        int failed = 0;
        for (PollOutcome o : results) {
            out.printf("%-28s %6d %8d %6d %8d %9d %7d %8d  %s%n", o.sourceId(), o.status(), o.fetched(), o.created(),
                    o.updated(), o.unchanged(), o.failed(), o.spooled(), oneLine(o.error() != null ? o.error() : o.errorsSummary()));
            fetched += o.fetched();
            created += o.created();
            failed += o.failed() + (o.ok() ? 0 : 1);
        }
        out.printf("total: sources=%d fetched=%d new=%d failed=%d%n", results.size(), fetched, created, failed);
        out.flush();
    }

    /** A source's error as one line of the table: line breaks and runs of spaces folded, very long messages cut. */
    static String oneLine(String error) {
        String line = error == null ? "" : error.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR - 1) + "…";
    }

    private static final int MAX_ERROR = 200;
}
