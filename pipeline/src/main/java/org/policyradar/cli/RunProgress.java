package org.policyradar.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.policyradar.route.PollOutcome;

/**
 * {@code run --once}'s progress on a terminal: one line rewritten in place ({@code \r}) with the sources done of the
 * total and the items new so far, erased before the summary is printed. Only when a person watches: the command
 * line passes a writer only when {@link System#console()} says stdin and stdout are a terminal.
 */
final class RunProgress implements Consumer<PollOutcome> {
    private final PrintWriter terminal;
    private final int total;
    private final Set<String> done = new HashSet<>();
    private int created;
    private int failed;
    private int width;

    RunProgress(PrintWriter terminal, int total) {
        this.terminal = terminal;
        this.total = total;
    }

    @Override
    public synchronized void accept(PollOutcome outcome) {
        done.add(outcome.sourceId());
        created += outcome.created();
        failed += outcome.ok() ? 0 : 1;
        String line = line();
        terminal.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        terminal.flush();
        width = line.length();
    }

    /** What the progress line says now, e.g. {@code sources 3/28 done, 12 new, 1 failing}. */
    synchronized String line() {
        return "sources %d/%d done, %d new%s".formatted(done.size(), total, created, failed > 0 ? ", " + failed + " failing" : "");
    }

    /** Erases the progress line so that the summary starts on a clean line. */
    synchronized void finish() {
        if (width > 0) {
            terminal.print("\r" + " ".repeat(width) + "\r");
            terminal.flush();
        }
    }
}
