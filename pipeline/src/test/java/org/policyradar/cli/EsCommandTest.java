package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radar es status|stop} on a data directory where no node was started: nothing is started by asking. */
class EsCommandTest {

    @Test
    void statusAndStopOfANodeNeverStartedSayNotRunningAndStartNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: heise, name: heise, region: EU, language: de, kind: feed, url: "https://www.heise.de/rss/heise.rdf", schedule: 1h}
                """);
        Map<String, String> env = Map.of("RADAR_DATA_DIR", dir.resolve("data").toString());

        CliHarness.Result status = CliHarness.run(env, new ByteArrayInputStream(new byte[0]), "es", "status", "--config", dir.toString());
        assertThat(status.code()).isEqualTo(1);
        assertThat(status.out().lines().findFirst()).contains("not running");
        assertThat(status.out()).contains("data=" + dir.resolve("data/elasticsearch/data"));

        CliHarness.Result stop = CliHarness.run(env, new ByteArrayInputStream(new byte[0]), "es", "stop", "--config", dir.toString());
        assertThat(stop.code()).isZero();
        assertThat(stop.out()).startsWith("not running");
        assertThat(dir.resolve("data/elasticsearch/state.json")).doesNotExist();
    }
}
