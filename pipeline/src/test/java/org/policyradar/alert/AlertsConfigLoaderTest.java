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
        assertThat(c.digest()).isPresent();
        assertThat(c.changes().bySource()).isNotEmpty();
        // its per-source change rules name tracked sources of the shipped sources.yaml
        var sources = new org.policyradar.config.ConfigLoader(Map.of("RADAR_DATA_DIR", dir.toString())).load(shipped.getParent()).sources();
        AlertsConfigLoader.checkSources(c, shipped.getParent(), sources);
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

    @Test
    void theReadmeExampleOfEachKindLoads() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int at = readme.indexOf("One example of each kind in `alerts.yaml`");
        assertThat(at).isPositive();
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        AlertsConfig c = new AlertsConfigLoader(Map.of("RADAR_SMTP_PASSWORD", "pw")).load(write(yaml));
        assertThat(c.channels()).hasSize(2);
        assertThat(c.watches()).hasSize(1);
        assertThat(c.spikeOverrides()).containsKey("ai");
        assertThat(c.changes().bySource()).containsKey("miit-policy");
        assertThat(c.digest().orElseThrow().recipients()).containsExactly("analysts");
    }

    @Test
    void changesAndDigestLoad() throws Exception {
        AlertsConfig c = new AlertsConfigLoader(Map.of()).load(write("""
                channels:
                  - {id: chat, type: webhook, url: "https://hooks.example.org/x"}
                  - {id: other, type: webhook, url: "https://hooks.example.org/y"}
                changes:
                  ignore: ['Share this page']
                  sources:
                    miit-policy:
                      ignore: ['浏览次数[:：]\\s*\\d+', 'Visitors: \\d+']
                digest:
                  at: "07:30"
                  zone: Asia/Shanghai
                  recipients: [chat]
                  top_items: 5
                """));
        assertThat(c.changes().all()).hasSize(1);
        assertThat(c.changes().normaliserFor("miit-policy").normalise("Text\nVisitors: 12\nShare this page")).isEqualTo("Text");
        assertThat(c.changes().normaliserFor("other").normalise("Text\nVisitors: 12")).isEqualTo("Text\nVisitors: 12");
        AlertsConfig.Digest d = c.digest().orElseThrow();
        assertThat(d.at()).contains(java.time.LocalTime.of(7, 30));
        assertThat(d.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(d.recipients()).containsExactly("chat");
        assertThat(d.topItems()).isEqualTo(5);
        assertThat(new AlertsConfigLoader(Map.of()).load(write("digest: {every: 12h}\n")).digest().orElseThrow().every())
                .contains(Duration.ofHours(12));
    }

    @Test
    void badChangesAndDigestAreOneLineErrorsWithKeyAndFix() throws Exception {
        assertError("changes:\n  sources:\n    s1:\n      ignore: ['([unclosed']\n",
                "alerts.yaml: key 'changes.sources.s1.ignore' entry #1: '([unclosed' is not a valid regular expression");
        assertError("changes: {ignores: []}\n", "key 'changes.ignores' is unknown");
        assertError("digest: {every: 24h, at: \"07:00\"}\n", "key 'digest': give exactly one of 'every'");
        assertError("digest: {at: \"7 am\"}\n", "key 'digest.at': '7 am' is not a time of day; use HH:MM");
        assertError("digest: {at: \"07:00\", zone: Mars/Olympus}\n", "key 'digest.zone': 'Mars/Olympus' is not a time zone");
        assertError("digest: {every: 24h, recipients: [nobody]}\n", "key 'digest.recipients': 'nobody' is not a channel id");
    }

    @Test
    void changeRulesMustNameATrackedSource() throws Exception {
        AlertsConfig c = new AlertsConfigLoader(Map.of()).load(write("changes: {sources: {feed-x: {ignore: ['x']}}}\n"));
        var feed = new org.policyradar.config.SourceConfig("feed-x", "Feed", org.policyradar.config.Region.EU, "en",
                org.policyradar.config.SourceKind.FEED, java.net.URI.create("https://x.example/feed"),
                org.policyradar.config.Schedule.parse("1h").orElseThrow(), java.util.Optional.empty(), false,
                java.util.Optional.empty(), false, java.util.List.of(), "");
        assertThatThrownBy(() -> AlertsConfigLoader.checkSources(c, dir, java.util.List.of(feed)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.yaml: key 'changes.sources.feed-x': source 'feed-x' does not track changes; set track_changes: true");
        assertThatThrownBy(() -> AlertsConfigLoader.checkSources(c, dir, java.util.List.of()))
                .hasMessageContaining("there is no source 'feed-x' in sources.yaml");
    }

    private void assertError(String yaml, String message) throws Exception {
        Path f = write(yaml);
        assertThatThrownBy(() -> new AlertsConfigLoader(Map.of()).load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
