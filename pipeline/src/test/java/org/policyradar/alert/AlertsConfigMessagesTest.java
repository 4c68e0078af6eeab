package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ConfigException;

/** What the shared reader and validation layer added to alerts.yaml's messages (the equivalence is AlertsConfigLoaderTest). */
class AlertsConfigMessagesTest {
    @TempDir
    Path dir;

    private void expect(String yaml, String... parts) throws Exception {
        Path f = Files.writeString(dir.resolve("alerts.yaml"), yaml);
        assertThatThrownBy(() -> new AlertsConfigLoader(Map.of()).load(f)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void brokenYamlIsOneLineWithLineAndColumn() throws Exception {
        expect("watches:\n  - {id: w, query: [unclosed\n", "not valid YAML at line", ", column ");
    }

    @Test
    void anSmtpPasswordGetsTheSecretsFixAndATypoItsLikelyKey() throws Exception {
        expect("channels:\n  - {id: m, type: email, smtp: {host: h, password: x}, from: a@b.org, to: [c@d.org]}\n",
                "channel 'm': key 'smtp.password': secrets are never read from alerts.yaml", "password_env");
        expect("spike: {cooldwn: 12h}\n", "key 'spike.cooldwn' is unknown", "allowed keys of 'spike'", "did you mean 'cooldown'?");
    }
}
