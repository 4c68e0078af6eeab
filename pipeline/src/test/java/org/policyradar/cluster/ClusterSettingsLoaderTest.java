package org.policyradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ConfigException;
import org.policyradar.config.ConfigLoader;

class ClusterSettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void noUrlMeansTheSingleMachineDefault() throws Exception {
        assertThat(new ClusterSettingsLoader(Map.of()).load(dir)).isEmpty();
        Files.writeString(dir.resolve("radar.yaml"), "data_dir: data\n");
        assertThat(new ClusterSettingsLoader(Map.of()).load(dir)).isEmpty();
    }

    @Test
    void readsRadarYamlWithThePasswordFromAFileAndTheEnvironmentWins() throws Exception {
        Files.writeString(dir.resolve("pw"), "s3cret\n");
        Files.writeString(dir.resolve("radar.yaml"), """
                cluster: {db_url: "jdbc:postgresql://db.example.org:5432/radar", username: radar, password_file: pw, checkin_interval: 5s}
                """);
        ClusterSettings s = new ClusterSettingsLoader(Map.of()).load(dir).orElseThrow();
        assertThat(s.dbUrl()).isEqualTo("jdbc:postgresql://db.example.org:5432/radar");
        assertThat(s.username()).contains("radar");
        assertThat(s.password()).contains("s3cret");
        assertThat(s.checkinInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.toString()).doesNotContain("s3cret");

        ClusterSettings env = new ClusterSettingsLoader(Map.of("RADAR_CLUSTER_DB", "jdbc:postgresql://127.0.0.1:5433/x",
                "RADAR_CLUSTER_DB_PASSWORD", "from-env")).load(dir).orElseThrow();
        assertThat(env.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/x");
        assertThat(env.password()).contains("from-env");
        // ConfigLoader accepts the cluster key in radar.yaml.
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: one, name: One, region: EU, language: en, kind: feed, url: "http://127.0.0.1:1/f.xml", schedule: 1h}
                """);
        assertThat(new ConfigLoader(Map.of()).load(dir).sources()).hasSize(1);
    }

    @Test
    void mistakesNameTheKeyAndTheFix() throws Exception {
        assertThatThrownBy(() -> new ClusterSettingsLoader(Map.of("RADAR_CLUSTER_DB", "postgres://h/db")).load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RADAR_CLUSTER_DB: 'postgres://h/db' is not a PostgreSQL JDBC URL")
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE");
        Files.writeString(dir.resolve("radar.yaml"), "cluster: {db_url: \"jdbc:postgresql://h/db\", password: x}\n");
        assertThatThrownBy(() -> new ClusterSettingsLoader(Map.of()).load(dir))
                .hasMessageContaining("key 'cluster.password': secrets are never read from radar.yaml");
        Files.writeString(dir.resolve("radar.yaml"), "cluster: {db_url: \"jdbc:postgresql://h/db\", checkin: 5s}\n");
        assertThatThrownBy(() -> new ClusterSettingsLoader(Map.of()).load(dir))
                .hasMessageContaining("key 'cluster.checkin' is unknown");
        Files.writeString(dir.resolve("radar.yaml"), "cluster: {db_url: \"jdbc:postgresql://h/db\", checkin_interval: often}\n");
        assertThatThrownBy(() -> new ClusterSettingsLoader(Map.of()).load(dir))
                .hasMessageContaining("radar.yaml: key 'cluster.checkin_interval': 'often' is not an interval");
        Files.writeString(dir.resolve("radar.yaml"), "cluster: {db_url: \"jdbc:postgresql://h/db\", password_file: missing}\n");
        assertThatThrownBy(() -> new ClusterSettingsLoader(Map.of()).load(dir))
                .hasMessageContaining("key 'cluster.password_file': cannot read the password file");
    }
}
