package org.policyradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster is reached through several nodes: {@code RADAR_ES_URL} / {@code elasticsearch.url} take a comma-separated list. */
class ElasticsearchUrlListTest {
    @TempDir
    Path dir;

    private ElasticsearchSettings load(Map<String, String> env, String radarYaml) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: heise, name: heise, region: EU, language: de, kind: feed, url: "https://www.heise.de/rss/heise.rdf", schedule: 1h}
                """);
        if (radarYaml != null) {
            Files.writeString(dir.resolve("radar.yaml"), radarYaml);
        } else {
            Files.deleteIfExists(dir.resolve("radar.yaml"));
        }
        return new ConfigLoader(env).load(dir).elasticsearch();
    }

    @Test
    void everyNodeOfACommaSeparatedListIsAHostOfTheClient() throws IOException {
        ElasticsearchSettings settings = load(Map.of("RADAR_ES_URL",
                "http://10.0.0.1:9200, http://10.0.0.2:9200 ,http://10.0.0.3:9201"), null);
        assertThat(settings.hosts()).containsExactly(URI.create("http://10.0.0.1:9200"), URI.create("http://10.0.0.2:9200"),
                URI.create("http://10.0.0.3:9201"));
    }

    @Test
    void aSingleUrlIsAListOfOne() throws IOException {
        assertThat(load(Map.of(), "elasticsearch: {url: \"https://es.example.org:9243\"}\n").hosts())
                .containsExactly(URI.create("https://es.example.org:9243"));
        assertThat(load(Map.of(), null).hosts()).isEmpty();
    }

    @Test
    void aBadEntryIsNamedWithItsPositionAndTheFix() {
        assertThatThrownBy(() -> load(Map.of("RADAR_ES_URL", "http://a:9200,,http://b:9200"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RADAR_ES_URL").hasMessageContaining("entry 2 is empty")
                .hasMessageContaining("http://node1:9200,http://node2:9200");
        assertThatThrownBy(() -> load(Map.of(), "elasticsearch: {url: \"http://a:9200,ftp://b:21\"}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("radar.yaml: key 'elasticsearch.url'").hasMessageContaining("entry 2 'ftp://b:21'");
        assertThatThrownBy(() -> load(Map.of("RADAR_ES_URL", "http://a:9200,https://b:9200"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("one scheme");
        assertThatThrownBy(() -> load(Map.of("RADAR_ES_URL", "http://a:9200,http://a:9200/"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("entry 2 'http://a:9200/' repeats entry 1");
    }
}
