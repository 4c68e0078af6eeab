package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.testing.IndexedItems.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.IndexedItems;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@code radar reclassify} end to end with the real classifier: items stored by {@code run --once}, then an analyst's
 * taxonomy edit, then {@code reclassify}, stopped part-way by {@code --limit} and resumed. Only the items of this
 * test's own source are counted (the test JVM's {@code radar-items} is shared with other tests, some of which search
 * it for Huawei: no item here names Huawei).
 */
class ReclassifyCommandTest {
    private static final String SOURCE = "reclassify-" + Long.toString(System.nanoTime(), 36);
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Space wire</title><link>http://example.org/</link>
            <item><title>Zorblax constellation adds forty satellites over Europe</title>
              <link>http://example.org/r/zorblax</link>
              <description>The operator says the Zorblax constellation now covers rural areas.</description>
              <pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>
            <item><title>Ericsson ships 5G base stations to Duisburg</title>
              <link>http://example.org/r/ericsson-5g</link>
              <description>The 5G network rollout continues with Ericsson equipment.</description>
              <pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate></item>
            <item><title>Local football club wins the cup</title>
              <link>http://example.org/r/football</link>
              <description>A great night for the town.</description></item>
            </channel></rss>
            """;
    private static LocalHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new LocalHttpServer();
        server.serve("/space.xml", LocalHttpServer.Resource.ok(FEED.getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTaxonomyEditReachesTheStoredItemsThroughAStoppedAndResumedRun(@TempDir Path dir) throws Exception {
        config(dir, SOURCE, "/space.xml");
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, JsonNode> before = IndexedItems.ofSource(SOURCE);
        assertThat(texts(before.get("http://example.org/r/zorblax").path("topics"))).doesNotContain("satellite-internet");
        assertThat(texts(before.get("http://example.org/r/ericsson-5g").path("topics"))).contains("5g");

        String taxonomy = new String(getClass().getResourceAsStream("/org/policyradar/taxonomy/taxonomy.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String edited = taxonomy.replace("en: [satellite internet, satellite broadband,", "en: [zorblax constellation, satellite internet, satellite broadband,");
        assertThat(edited).isNotEqualTo(taxonomy);
        Files.writeString(dir.resolve("taxonomy.yaml"), edited);
        Files.writeString(dir.resolve("radar.yaml"), Files.readString(dir.resolve("radar.yaml")) + "taxonomy: taxonomy.yaml\n");

        CliHarness.Result first = CliHarness.run("reclassify", "--source", SOURCE, "--limit", "1", "--page-size", "1",
                "--config", dir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("stopped, resume with the same command").contains("1 of 3 in scope done");

        CliHarness.Result second = CliHarness.run("reclassify", "--source", SOURCE, "--page-size", "1", "--progress-every", "1",
                "--config", dir.toString());
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.err()).contains("reclassify: resuming").containsPattern("reclassify: 3/3 items");
        assertThat(second.out()).contains("complete").contains("2 item(s) this run (resumed after 1)").contains("3 of 3 in scope done")
                .containsPattern("satellite-internet\\s+\\+1 -0");

        Map<String, JsonNode> after = IndexedItems.ofSource(SOURCE);
        JsonNode zorblax = after.get("http://example.org/r/zorblax");
        assertThat(texts(zorblax.path("topics"))).contains("satellite-internet");
        assertThat(texts(zorblax.path("evidence").path("satellite-internet"))).anyMatch(t -> t.toLowerCase().contains("zorblax"));
        assertThat(texts(after.get("http://example.org/r/ericsson-5g").path("topics"))).contains("5g");
        assertThat(texts(after.get("http://example.org/r/football").path("topics"))).isEmpty();
    }

    @Test
    void aBadSinceIsAUserErrorNamingTheOption(@TempDir Path dir) throws Exception {
        config(dir, "none", "/none.xml");
        CliHarness.Result r = CliHarness.run("reclassify", "--since", "ninety days", "--config", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--since: 'ninety days' is not a duration");
    }

    @Test
    void anUnreadableStateFileIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        config(dir, "none", "/none.xml");
        Files.createDirectories(dir.resolve("data/reclassify"));
        Files.writeString(dir.resolve("data/reclassify/state.json"), "{\"alias\": \"radar-it");
        CliHarness.Result r = CliHarness.run("reclassify", "--source", SOURCE + "-none", "--config", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("state.json: unreadable re-classification state").contains("--restart");
        CliHarness.Result restarted = CliHarness.run("reclassify", "--source", SOURCE + "-none", "--restart", "--config", dir.toString());
        assertThat(restarted.code()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("complete").contains("0 of 0 in scope done");
    }

    private static void config(Path dir, String sourceId, String path) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - id: %s
                    name: Space wire
                    region: EU
                    language: en
                    kind: feed
                    url: %s
                    schedule: 15m
                """.formatted(sourceId, server.uri(path)));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
    }
}
