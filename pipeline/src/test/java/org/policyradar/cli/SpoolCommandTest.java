package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.spool.SpoolingIndexer;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.RejectingElasticsearchProxy;
import org.policyradar.testing.TestElasticsearch;

/**
 * What waits is visible and nothing is retried forever: items Elasticsearch refuses for good (a mapping conflict,
 * played by a proxy in front of the real node) show in {@code radar spool} and {@code radar sources} while they wait,
 * are dead-lettered after {@link SpoolingIndexer#MAX_REFUSALS} tries, listed by {@code radar spool dead-letters}, and
 * indexed by {@code radar spool retry} once the conflict is gone.
 */
class SpoolCommandTest {
    private static LocalHttpServer server;
    private static RejectingElasticsearchProxy proxy;
    private static ElasticsearchConnection es;

    @BeforeAll
    static void start() throws Exception {
        server = new LocalHttpServer();
        proxy = new RejectingElasticsearchProxy(TestElasticsearch.url());
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
        es.close();
    }

    @Test
    void refusedItemsAreShownWaitingThenDeadLetteredAfterBoundedTriesAndResentByRetryOnceFixed(@TempDir Path dir) throws Exception {
        String source = "spool-cli-wire";
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>s</title>");
        for (int i = 0; i < 3; i++) {
            feed.append("<item><title>AI act notice ").append(i).append("</title><link>http://spool-cli.example/").append(i)
                    .append("</link></item>");
        }
        server.serve("/spool-cli.xml", LocalHttpServer.Resource.withEtag(feed.append("</channel></rss>").toString()
                .getBytes(StandardCharsets.UTF_8), "application/rss+xml", "\"s1\""));
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: %s, name: Spool CLI, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                """.formatted(source, server.uri("/spool-cli.xml")));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(proxy.url(), dir.resolve("data")));
        String config = dir.toString();
        proxy.mode(RejectingElasticsearchProxy.Mode.ITEM_400);
        try {
            CliHarness.Result first = CliHarness.run("run", "--once", "--wait-es", "0s", "--config", config);
            assertThat(first.code()).isEqualTo(3);
            assertThat(first.out()).contains("spool: 1 batch(es) not yet taken");

            CliHarness.Result waiting = CliHarness.run("spool", "--config", config);
            assertThat(waiting.code()).as(waiting.err()).isZero();
            assertThat(waiting.out()).containsPattern("batches=1 items=3 oldest=\\d{4}-\\d\\d-\\d\\dT[\\d:]{8} dead_letters=0")
                    .containsPattern(source + "\\s+1\\s+3\\s+\\S+\\s+[12]\\s+HTTP 400 document_parsing_exception: .*failed to parse field \\[summary]");
            CliHarness.Result sources = CliHarness.run("sources", "--json", "--config", config);
            assertThat(sources.out().lines().map(SpoolCommandTest::json)
                    .filter(n -> n.path("source").path("id").asText().equals(source)))
                    .singleElement().satisfies(n -> assertThat(n.path("spool_waiting").asInt()).isEqualTo(3));
            assertThat(CliHarness.run("sources", "--config", config).out()).containsPattern(source + " .* 3  ");

            // The next run (its feed unchanged: 304) tries what waits until the bound, then dead-letters it.
            CliHarness.Result second = CliHarness.run("run", "--once", "--wait-es", "30s", "--config", config);
            assertThat(second.code()).as(second.out()).isEqualTo(3);
            assertThat(second.out()).contains("spool: 3 item(s) refused for good and dead-lettered");
            assertThat(CliHarness.run("spool", "--config", config).out()).contains("batches=0 items=0 oldest=- dead_letters=3");
            CliHarness.Result letters = CliHarness.run("spool", "dead-letters", "--config", config);
            assertThat(letters.code()).isZero();
            assertThat(letters.out()).contains("3 dead letter(s); after fixing the cause: radar spool retry");
            for (int i = 0; i < 3; i++) {
                assertThat(letters.out()).containsPattern(source + "\\s+" + SpoolingIndexer.MAX_REFUSALS
                        + "\\s+http://spool-cli.example/" + i + "\\s+HTTP 400 document_parsing_exception");
            }
            assertThat(count(source)).isZero();
        } finally {
            proxy.mode(RejectingElasticsearchProxy.Mode.FORWARD); // the mapping conflict is fixed
        }
        CliHarness.Result retry = CliHarness.run("spool", "retry", "--config", config);
        assertThat(retry.code()).as(retry.out() + retry.err()).isZero();
        assertThat(retry.out()).contains("retry: 3 dead letter(s) sent back to the spool (" + source + "=3); batches still waiting=0");
        assertThat(count(source)).isEqualTo(3);
        assertThat(CliHarness.run("spool", "--config", config).out()).contains("batches=0 items=0 oldest=- dead_letters=0");
        assertThat(CliHarness.run("spool", "retry", "--config", config).out()).contains("retry: 0 dead letter(s)");
        assertThat(count(source)).isEqualTo(3);
    }

    private static long count(String source) throws Exception {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(source)))).count();
    }

    private static JsonNode json(String line) {
        try {
            return ElasticsearchConnection.objectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
