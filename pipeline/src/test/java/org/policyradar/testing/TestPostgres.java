package org.policyradar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.policyradar.process.ServerState;
import org.policyradar.process.postgres.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM (Debian's binaries through {@link EmbeddedPostgres}, as {@code radar pg start}
 * runs it), on a free loopback port with a fresh cluster, stopped when the JVM exits.
 */
public final class TestPostgres {
    private static final Object LOCK = new Object();
    private static Running running;

    /** The JDBC URL (role in it) and the password of the test server. */
    public record Running(String url, String password, Path passwordFile) {
    }

    private TestPostgres() {
    }

    public static Running get() {
        synchronized (LOCK) {
            if (running == null) {
                running = start();
            }
            return running;
        }
    }

    private static Running start() {
        try {
            // Under /tmp: the server runs as an unprivileged user when we are root, and must reach this directory.
            Path base = Files.createTempDirectory(Path.of("/tmp"), "radar-test-pg-");
            EmbeddedPostgres pg = new EmbeddedPostgres(EmbeddedPostgres.findBinaries(System.getenv("RADAR_PG_BIN")), base, 0);
            ServerState state = pg.start(Duration.ofMinutes(2));
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "stop-test-postgres"));
            return new Running(state.url(), Files.readString(pg.passwordFile()).strip(), pg.passwordFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
