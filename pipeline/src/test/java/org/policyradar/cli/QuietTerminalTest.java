package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.route.PollOutcome;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@code radar run --once} through the command line as a user runs it: the log lines (here a source answering 404)
 * go to {@code DATA_DIR/logs/radar.log} and never to the terminal, unless {@code --verbose}; the terminal shows the
 * summary, one line per source.
 */
class QuietTerminalTest {
    private static LocalHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new LocalHttpServer();
        server.serve("/quiet.xml", LocalHttpServer.Resource.ok("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>q</title><link>http://quiet.example/</link>
                <item><title>ENISA publishes its 5G threat landscape</title><link>http://quiet.example/1</link></item>
                </channel></rss>""".getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path config(Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: quiet-wire, name: Quiet wire, region: EU, language: en, kind: feed, url: "%s", schedule: 15m}
                  - {id: gone-wire, name: Gone wire, region: EU, language: en, kind: feed, url: "%s", schedule: 15m}
                """.formatted(server.uri("/quiet.xml"), server.uri("/gone.xml")));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
        return dir;
    }

    /** The command's result and what reached the process's own stdout and stderr (the terminal) meanwhile. */
    private record Terminal(CliHarness.Result result, String processOut, String processErr) {
    }

    private static Terminal onTerminal(Supplier<CliHarness.Result> command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            CliHarness.Result result = command.get();
            return new Terminal(result, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void runOncePrintsTheSummaryAndNoLogLineWhichGoesToTheLogFile(@TempDir Path dir) throws Exception {
        config(dir);
        Terminal quiet = onTerminal(() -> CliHarness.run("run", "--once", "--config", dir.toString()));

        assertThat(quiet.result().code()).as(quiet.result().err()).isEqualTo(3); // gone-wire failed
        assertThat(quiet.result().out()).containsPattern("quiet-wire\\s+200\\s+1\\s")
                .containsPattern("gone-wire\\s+404\\s+0\\s+0").contains("total: sources=2");
        String terminal = quiet.result().out() + quiet.result().err() + quiet.processOut() + quiet.processErr();
        assertThat(terminal).as("no log line on the terminal").doesNotContain("level=").doesNotContain("event=");
        Path log = dir.resolve("data/logs/radar.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("level=WARN").contains("event=poll_failed source=gone-wire");
    }

    @Test
    void verboseAlsoPutsTheLogLinesOnTheTerminal(@TempDir Path dir) throws Exception {
        config(dir);
        Terminal verbose = onTerminal(() -> CliHarness.run("--verbose", "run", "--once", "--config", dir.toString()));

        assertThat(verbose.result().code()).isEqualTo(3);
        assertThat(verbose.processErr()).contains("level=WARN").contains("event=poll_failed source=gone-wire");
        assertThat(Files.readString(dir.resolve("data/logs/radar.log"))).contains("event=poll_failed source=gone-wire");

        Terminal after = onTerminal(() -> CliHarness.run("run", "--once", "--verbose", "--config", dir.toString()));
        assertThat(after.processErr()).as("--verbose after the command name too").contains("event=poll_failed source=gone-wire");
    }

    @Test
    void anErrorStaysOneReadableLineOfTheSummary() {
        StringWriter table = new StringWriter();
        RunCommand.printSummary(new PrintWriter(table), List.of(PollOutcome.empty("multi-line", Instant.EPOCH, Instant.EPOCH, 500,
                "HTTP 500 from http://x.example/feed:\n  <html>\n\t<body>Internal error</body>\n</html>" + " x".repeat(300))));
        List<String> lines = table.toString().lines().toList();
        assertThat(lines).hasSize(3); // header, the source, total
        assertThat(lines.get(1)).contains("HTTP 500 from http://x.example/feed: <html> <body>Internal error</body> </html>")
                .endsWith("…").hasSizeLessThan(300);
    }

    @Test
    void progressShowsSourcesDoneOfTotalAndItemsNewThenClearsItself() {
        StringWriter terminal = new StringWriter();
        RunProgress progress = new RunProgress(new PrintWriter(terminal), 3);
        progress.accept(new PollOutcome("a", Instant.EPOCH, Instant.EPOCH, 200, 4, 4, 0, 0, 0, 0, null, List.of()));
        assertThat(progress.line()).isEqualTo("sources 1/3 done, 4 new");
        progress.accept(PollOutcome.empty("b", Instant.EPOCH, Instant.EPOCH, 404, "HTTP 404"));
        assertThat(progress.line()).isEqualTo("sources 2/3 done, 4 new, 1 failing");
        progress.finish();
        assertThat(terminal.toString()).startsWith("\rsources 1/3 done, 4 new").endsWith("\r").doesNotContain("\n");
    }
}
