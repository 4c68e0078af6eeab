package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ConfigException;

class AlertsConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void missingFileGivesDefaults() {
        AlertsConfig c = new AlertsConfigLoader(Map.of()).loadFromDirectory(dir);
        assertThat(c.watches()).isEmpty();
        assertThat(c.channels()).isEmpty();
        assertThat(c.spike()).isEqualTo(AlertsConfig.Spike.DEFAULTS);
    }

    @Test
    void shippedExampleLoads() {
        Path shipped = Path.of(System.getProperty("radar.home", ".."), "config", "alerts.yaml");
        if (!Files.exists(shipped)) {
            shipped = Path.of("../config/alerts.yaml");
        }
        // No environment at all: `./radar run --once` on a fresh machine must not need a secret to start.
        AlertsConfig c = new AlertsConfigLoader(Map.of()).load(shipped);
        assertThat(c.watches()).isNotEmpty();
    }

    @Test
    void fullFileLoads() throws Exception {
        AlertsConfig c = new AlertsConfigLoader(Map.of("SMTP_PW", "secret")).load(write("""
                kibana_url: https://kibana.example.org
                channels:
                  - {id: slack, type: webhook, url: "https://hooks.example.org/x"}
                  - id: mail
                    type: email
                    smtp: {host: smtp.example.org, port: 2525, starttls: false, username: radar, password_env: SMTP_PW}
                    from: radar@example.org
                    to: [a@example.org, b@example.org]
                watches:
                  - {id: huawei, query: "huawei AND chip", topics: [semiconductors], regions: [CN]}
                spike:
                  threshold: 3.5
                  cooldown: 12h
                  topics:
                    ai: {min_count: 10}
                """));
        assertThat(c.kibanaUrl()).hasValue("https://kibana.example.org");
        assertThat(c.channels()).hasSize(2);
        AlertsConfig.Email mail = (AlertsConfig.Email) c.channels().get(1);
        assertThat(mail.password()).hasValue("secret");
        assertThat(mail.port()).isEqualTo(2525);
        assertThat(mail.to()).containsExactly("a@example.org", "b@example.org");
        assertThat(c.watches().get(0).topics()).containsExactly("semiconductors");
        assertThat(c.spike().threshold()).isEqualTo(3.5);
        assertThat(c.spike().cooldown()).isEqualTo(Duration.ofHours(12));
        assertThat(c.spikeFor("ai").minCount()).isEqualTo(10);
        assertThat(c.spikeFor("ai").threshold()).isEqualTo(3.5);
        assertThat(c.spikeFor("quantum").minCount()).isEqualTo(5);
    }

    @Test
    void errorsNameFileKeyAndFix() throws Exception {
        expect("channels:\n  - {id: s, type: webhook, url: 'ftp://x'}\n", "channel 's': key 'url'", "http");
        expect("channels:\n  - {id: s, type: pager}\n", "channel 's': key 'type'", "webhook or email");
        expect("watches:\n  - {id: w}\n", "watch 'w': key 'query' is required", "non-empty");
        expect("watches:\n  - {id: w, query: x, colour: red}\n", "watch 'w': key 'colour' is unknown", "allowed keys");
        expect("spike:\n  threshold: -1\n", "key 'spike.threshold'", "above 0");
        expect("spike:\n  cooldown: soon\n", "key 'spike.cooldown'", "24h");
        expect("spike:\n  topics:\n    ai: {min_count: 0}\n", "key 'spike.topics.ai.min_count'", "whole number");
        expect("channels:\n  - {id: m, type: email, smtp: {host: h, username: u, password_env: NOPE}, from: a@b.org, to: [c@d.org]}\n",
                "channel 'm': key 'smtp.password_env'", "NOPE is not set");
        expect("bogus: 1\n", "key 'bogus' is unknown", "kibana_url");
    }

    private void expect(String yaml, String... parts) throws Exception {
        Path f = write(yaml);
        assertThatThrownBy(() -> new AlertsConfigLoader(Map.of()).load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContainingAll(parts);
    }
}
