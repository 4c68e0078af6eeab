package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code radar pg start|status|stop} against the real Debian binaries, as a person trying cluster mode runs it. */
class PgCommandTest {

    @Test
    void startsAServerWhoseStatusPrintsAWorkingJdbcUrlAndStopsIt() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "radar-pgcmd-");
        Path config = Files.createTempDirectory("radar-pgcmd-config");
        Files.writeString(config.resolve("sources.yaml"), """
                sources:
                  - {id: one, name: One, region: EU, language: en, kind: feed, url: "http://127.0.0.1:1/feed.xml", schedule: 1h}
                """);
        Map<String, String> env = Map.of("RADAR_DATA_DIR", dataDir.toString(), "RADAR_PG_PORT", "0");
        String[] cfg = {"--config", config.toString()};
        try {
            assertThat(run(env, "pg", "status", cfg[0], cfg[1]).code()).isEqualTo(1);

            CliHarness.Result start = run(env, "pg", "start", cfg[0], cfg[1]);
            assertThat(start.code()).as(start.err()).isEqualTo(0);
            CliHarness.Result status = run(env, "pg", "status", cfg[0], cfg[1]);
            assertThat(status.code()).as(status.err()).isEqualTo(0);
            String url = status.out().lines().findFirst().orElseThrow();
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").contains("/radar?user=radar");
            Path passwordFile = dataDir.resolve("postgres/password");
            assertThat(status.out()).contains("password_file=" + passwordFile);
            assertThat(Files.getPosixFilePermissions(passwordFile)).hasSize(2); // rw for its owner only

            Properties props = new Properties();
            props.setProperty("password", Files.readString(passwordFile).strip());
            try (var c = DriverManager.getConnection(url, props); var s = c.createStatement()) {
                s.execute("CREATE TABLE t (x int)");
                s.execute("INSERT INTO t VALUES (42)");
                var rs = s.executeQuery("SELECT x, current_database() FROM t");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getString(2)).isEqualTo("radar");
            }
            // A second start finds the running server instead of starting another one.
            assertThat(run(env, "pg", "start", cfg[0], cfg[1]).out().lines().findFirst()).contains(url);
            // A wrong password is refused: the server is not open to anyone on the machine.
            Properties wrong = new Properties();
            wrong.setProperty("password", "not-it");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, wrong).close())
                    .hasMessageContaining("password authentication failed");
        } finally {
            CliHarness.Result stop = run(env, "pg", "stop", cfg[0], cfg[1]);
            assertThat(stop.out()).startsWith("stopped");
        }
        CliHarness.Result after = run(env, "pg", "status", cfg[0], cfg[1]);
        assertThat(after.code()).isEqualTo(1);
        assertThat(after.out()).startsWith("not running");
    }

    private static CliHarness.Result run(Map<String, String> env, String... args) {
        return CliHarness.run(env, new ByteArrayInputStream(new byte[0]), args);
    }
}
