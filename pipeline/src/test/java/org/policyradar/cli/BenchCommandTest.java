package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@code radar bench} measures every stage the README's Performance table reports, on generated data when the corpus
 * is absent, and writes them as JSON; the figures' values are the machine's, so only their presence and the counts
 * behind them are checked: every replayed item searchable, and every entry of the re-poll skipped as unchanged.
 */
class BenchCommandTest {

    @Test
    void everyStageIsMeasuredAndWrittenAsJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: bench-test, name: Bench, region: EU, language: en, kind: feed, url: "http://127.0.0.1:9/feed.xml", schedule: 1h}
                """);
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
        Path json = dir.resolve("bench.json");
        CliHarness.Result r = CliHarness.run("bench", "--items", "40", "--end-to-end", "--sources", "2", "--items-per-source", "10",
                "--latency-samples", "0", "--shared", dir.resolve("no-corpus").toString(), "--config", dir.toString(),
                "--json", json.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();

        Map<String, JsonNode> figures = new HashMap<>();
        for (JsonNode f : new ObjectMapper().readTree(json.toFile())) {
            figures.put(f.path("name").asText() + " [" + f.path("unit").asText() + "]", f);
        }
        assertThat(figures).containsKeys("start-up (models loaded) [s]", "feed parsing [entries/s]", "extraction [pages/s]",
                "extraction [MB/s]", "classify en [items/s]", "classify en [tokens/s]", "classify zh [items/s]", "classify zh [chars/s]",
                "index (ItemIndexer) [docs/s]", "index (raw _bulk) [docs/s]", "index ratio [x]", "end to end (run --once) [items/s]",
                "re-poll, feeds unchanged (200) [entries/s]", "peak heap in use [MB]");
        figures.values().forEach(f -> assertThat(f.path("value").asDouble()).as(f.toString()).isPositive());
        assertThat(figures.get("extraction [pages/s]").path("note").asText()).contains("generated page");
        assertThat(figures.get("end to end (run --once) [items/s]").path("note").asText()).startsWith("20 of 20 items searchable");
        assertThat(figures.get("re-poll, feeds unchanged (200) [entries/s]").path("note").asText())
                .contains("20 skipped as unchanged, 0 classified and written again");
        assertThat(r.out()).contains("extraction").contains("re-poll, feeds unchanged (200)");
    }
}
