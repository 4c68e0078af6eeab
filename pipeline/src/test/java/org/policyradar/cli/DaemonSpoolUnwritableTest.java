package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.route.PollOutcome;
import org.policyradar.spool.ItemSpool;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.SmallTmpfs;
import org.policyradar.testing.TestElasticsearch;
import org.slf4j.LoggerFactory;

/**
 * The long-running daemon ({@code radar run}: Quartz-scheduled polls, the spool replayed every 30 s) when the disk under
 * {@code DATA_DIR/spool} fills up or goes read-only while it runs, for real: a 2 MB tmpfs mounted there, filled, or
 * remounted read-only (chmod does not stop root). The first poll that cannot spool its batch fails with one error
 * naming the spool and the reason, commits neither validators nor seen entries; the following polls fetch nothing
 * (polling paused, not a fetch and a classification thrown away every 2 s) and say why; {@code radar sources} shows
 * the source failing with that error; once the disk takes writes again the daemon resumes by itself, fetches the feed
 * afresh (200, not 304) and indexes every entry once. In the test JVM (the shared node, the classifier loaded once),
 * through the same {@link IngestionPipeline} and {@code Ingestion.runUntil} as {@code radar run}. Needs root for
 * {@code mount} (CI runs as root); skipped otherwise, saying why.
 */
class DaemonSpoolUnwritableTest {
    private static final int ENTRIES = 40;

    /** How the spool's disk stops taking writes. */
    enum Fault {
        DISK_FULL("No space left on device"), READ_ONLY("Read-only file system");

        final String reason;

        Fault(String reason) {
            this.reason = reason;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void theDaemonPausesPollingWhileTheSpoolCannotBeWrittenAndResumesByItselfWithNothingLost(Fault fault, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(SmallTmpfs.available(), "mount -t tmpfs needs root; CI runs as root");
        String source = "daemon-spool-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Path spool = dir.resolve("data/spool");
        // The spool's own log lines, wherever a command in this JVM routes the log file meanwhile.
        Logger spoolLogger = (Logger) LoggerFactory.getLogger(ItemSpool.class);
        ListAppender<ILoggingEvent> spoolLog = new ListAppender<>();
        spoolLog.start();
        spoolLogger.addAppender(spoolLog);
        try (SmallTmpfs disk = SmallTmpfs.mount(spool, "2m");
             LocalHttpServer server = new LocalHttpServer();
             ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            Files.createDirectories(spool.resolve("pending"));
            server.serve("/feed.xml", LocalHttpServer.Resource.withEtag(BigPollTest.feed(source, ENTRIES, 11), "application/rss+xml", "\"d1\""));
            OneFeedConfig.write(dir, source, server.uri("/feed.xml"), "2s", TestElasticsearch.url());
            Path filler = spool.resolve("filler");
            if (fault == Fault.DISK_FULL) {
                disk.fill(filler);
            } else {
                disk.readOnly();
            }

            try (InProcessDaemon daemon = InProcessDaemon.start(dir)) {
                // Four polls refused: the first fetched the feed and could not spool it, the others fetched nothing.
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).failFast(daemon::ended)
                        .until(() -> failures(daemon).size() >= 4);
                List<PollOutcome> failed = failures(daemon);
                assertThat(failed.get(0).error()).startsWith("spool " + spool + " cannot take " + ENTRIES + " items of source " + source
                        + ": " + fault.reason + " (");
                assertThat(failed.subList(1, failed.size())).allSatisfy(o -> assertThat(o.error())
                        .startsWith("spool " + spool + " cannot take new batches: " + fault.reason)
                        .contains("polling paused"));
                assertThat(feedRequests(server)).as("paused: the feed is not fetched again while the spool refuses").containsExactly(200);
                try (var files = Files.list(spool.resolve("pending"))) {
                    assertThat(files.toList()).as("no batch, no half-written file").isEmpty();
                }
                assertThat(count(es, source)).isZero();
                JsonNode health = InProcessDaemon.sourceHealth(dir);
                assertThat(health.path("state").asText()).isEqualTo("failing");
                assertThat(health.path("last_error").asText()).contains("spool " + spool, fault.reason);
                assertThat(spoolLog.list).extracting(ILoggingEvent::getFormattedMessage).as("one line when the spool starts refusing")
                        .containsExactly("event=spool_unwritable dir=" + spool + " reason=\"" + fault.reason + "\" action=polling_paused");

                if (fault == Fault.DISK_FULL) {
                    Files.delete(filler);
                } else {
                    disk.writable();
                }
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).failFast(daemon::ended)
                        .until(() -> count(es, source) == ENTRIES);
                // The next poll after recovery confirms what was stored: validators now committed, so a 304.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> feedRequests(server).contains(304));
                assertThat(feedRequests(server)).as("fetched afresh after recovery: nothing was committed while refused")
                        .startsWith(200, 200);
                try (var files = Files.list(spool.resolve("pending"))) {
                    assertThat(files.filter(p -> p.toString().endsWith(".batch")).toList()).isEmpty();
                }
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> InProcessDaemon.sourceHealth(dir).path("state").asText().equals("ok"));
                assertThat(spoolLog.list).extracting(ILoggingEvent::getFormattedMessage)
                        .contains("event=spool_writable_again dir=" + spool + " action=polling_resumed");
            } // stopped before the tmpfs goes: the daemon must not outlive the test
            assertThat(count(es, source)).as("each entry once").isEqualTo(ENTRIES);
        } finally {
            spoolLogger.detachAppender(spoolLog);
        }
    }

    private static List<PollOutcome> failures(InProcessDaemon daemon) {
        return daemon.outcomes().all().stream().filter(o -> !o.ok()).toList();
    }

    private static List<Integer> feedRequests(LocalHttpServer server) {
        return server.requests().stream().filter(r -> r.path().equals("/feed.xml")).map(LocalHttpServer.Request::status).toList();
    }

    private static long count(ElasticsearchConnection es, String source) throws IOException {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(source)))).count();
    }
}
