package org.policyradar.process.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.policyradar.process.LoopbackPorts;
import org.policyradar.process.ProcessUser;
import org.policyradar.process.StartLock;
import org.policyradar.process.StateFile;
import org.policyradar.process.EmbeddedServer;
import org.policyradar.process.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL for trying cluster mode on one machine and for the tests: Debian's {@code postgresql} binaries
 * ({@code /usr/lib/postgresql/<v>/bin}), a cluster initialised once under {@code baseDir/data}, listening on
 * 127.0.0.1 only, with a generated password for the role {@code radar} in {@code baseDir/password} (0600) and the
 * database {@code radar}. PostgreSQL refuses to run as root, so as root it runs as the system user {@code pgrun}
 * (created if missing) through {@code setpriv}. The server outlives the command that started it; pid and port are in
 * {@code baseDir/state.json}.
 */
public final class EmbeddedPostgres implements EmbeddedServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final ProcessUser USER = new ProcessUser("pgrun", "PostgreSQL");
    public static final String ROLE = "radar";
    public static final String DATABASE = "radar";

    private final Path binDir;
    private final Path baseDir;
    private final int preferredPort;
    private final StateFile<ServerState> stateFile;

    /**
     * @param binDir        the directory holding {@code initdb} and {@code postgres}
     * @param baseDir       data, logs, socket, password and state live here; every parent must be traversable by {@code pgrun}
     * @param preferredPort tried first (0: any free port)
     */
    public EmbeddedPostgres(Path binDir, Path baseDir, int preferredPort) {
        this.binDir = binDir;
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.preferredPort = preferredPort;
        this.stateFile = new StateFile<>(this.baseDir.resolve("state.json"), ServerState.class);
    }

    /**
     * The newest {@code /usr/lib/postgresql/<v>/bin} with a {@code postgres} binary, or {@code override} when given.
     * A clear error names the package to install when there is none.
     */
    public static Path findBinaries(String override) {
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override);
            if (!Files.isExecutable(dir.resolve("postgres"))) {
                throw new IllegalStateException("RADAR_PG_BIN: " + dir + " holds no executable 'postgres'");
            }
            return dir;
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max((a, b) -> Integer.compare(major(a), major(b)))
                    .orElseThrow(() -> missingBinaries(root));
        } catch (IOException e) {
            throw missingBinaries(root);
        }
    }

    private static int major(Path bin) {
        String v = bin.getParent().getFileName().toString();
        return v.matches("\\d+") ? Integer.parseInt(v) : 0;
    }

    private static IllegalStateException missingBinaries(Path root) {
        return new IllegalStateException("no PostgreSQL binaries under " + root + "/<version>/bin; install them with "
                + "'apt-get install -y postgresql' (or set RADAR_PG_BIN to a directory holding initdb and postgres)");
    }

    @Override
    public Path baseDir() {
        return baseDir;
    }

    public Path passwordFile() {
        return baseDir.resolve("password");
    }

    @Override
    public String files() {
        return "password_file=" + passwordFile() + " data=" + baseDir.resolve("data");
    }

    /** The running server's state, if its process is alive and it accepts a login. */
    @Override
    public Optional<ServerState> running() {
        Optional<ServerState> state = stateFile.read();
        if (state.isEmpty() || !StartLock.alive(state.get())) {
            return Optional.empty();
        }
        return accepts(state.get().port(), "postgres") ? state : Optional.empty();
    }

    /** Initialises (once) and starts the server unless it is running; waits until the {@code radar} database answers. */
    @Override
    public ServerState start(Duration timeout) {
        return StartLock.start(this, stateFile, "postgresql", stale -> {
            throw new IllegalStateException("postgres pid " + stale.pid() + " is running but refuses logins on port "
                    + stale.port() + "; see " + baseDir.resolve("logs") + ", or run 'radar pg stop'");
        }, () -> launch(timeout));
    }

    private ServerState launch(Duration timeout) throws IOException {
        Path data = baseDir.resolve("data");
        Path logs = Files.createDirectories(baseDir.resolve("logs"));
        Path socketDir = Files.createDirectories(baseDir.resolve("run"));
        boolean root = ProcessUser.isRoot();
        if (root) {
            USER.ensure();
            USER.makeTraversable(baseDir);
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb(data, root);
        }
        if (root) {
            USER.chown(data);
            USER.chown(logs);
            USER.chown(socketDir);
        }
        int port = LoopbackPorts.choose(preferredPort);
        List<String> command = new ArrayList<>();
        command.add("setsid"); // its own session: a Ctrl-C in the terminal that ran `radar` must not stop the server
        command.addAll(asUser(root));
        command.addAll(List.of(binDir.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + socketDir));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("LANG", "C.UTF-8");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.out").toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Instant started = Instant.now();
        Process process = pb.start();
        ServerState state = new ServerState(process.pid(), port, jdbcUrl(port, DATABASE), started.toString());
        stateFile.write(state);
        LOG.info("event=pg_starting pid={} port={} data={}", process.pid(), port, data);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("embedded postgresql exited with code " + process.exitValue()
                        + " while starting; last lines of " + logs.resolve("console.out") + ":\n" + LoopbackPorts.tail(logs.resolve("console.out")));
            }
            if (accepts(port, "postgres")) {
                createDatabase(port);
                LOG.info("event=pg_started pid={} url={} millis={}", process.pid(), state.url(),
                        Duration.between(started, Instant.now()).toMillis());
                return state;
            }
            sleep(200);
        }
        stop();
        throw new IllegalStateException("embedded postgresql did not accept logins within " + timeout.toSeconds()
                + " s; see " + logs.resolve("console.out"));
    }

    /** A fresh cluster: role {@code radar} with a generated password, password logins over TCP only. */
    private void initdb(Path data, boolean root) throws IOException {
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path pwFile = passwordFile();
        Files.writeString(pwFile, password);
        Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
        Path initPw = Files.createTempFile(baseDir, "initdb-pw", "");
        try {
            Files.writeString(initPw, password);
            if (root) {
                USER.chown(initPw);
                Files.createDirectories(data);
                USER.chown(data);
            }
            List<String> command = new ArrayList<>(asUser(root));
            command.addAll(List.of(binDir.resolve("initdb").toString(), "-D", data.toString(), "-U", ROLE,
                    "--pwfile=" + initPw, "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C"));
            Path log = baseDir.resolve("initdb.log");
            int code = ProcessUser.run(command, log);
            if (code != 0) {
                throw new IllegalStateException("initdb failed with code " + code + ":\n" + LoopbackPorts.tail(log));
            }
            LOG.info("event=pg_initialised data={}", data);
        } finally {
            Files.deleteIfExists(initPw);
        }
    }

    private void createDatabase(int port) {
        try (Connection c = connect(port, "postgres");
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server by pid with a fast shutdown (SIGINT: clients are disconnected), SIGKILL after 30 s. */
    @Override
    public boolean stop() {
        Optional<ServerState> state = stateFile.read();
        if (state.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(state.get().pid());
        boolean wasAlive = handle.map(ProcessHandle::isAlive).orElse(false);
        if (wasAlive) {
            try {
                ProcessUser.run(List.of("kill", "-INT", String.valueOf(state.get().pid())), null);
            } catch (IOException e) {
                handle.get().destroy();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (handle.get().isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (handle.get().isAlive()) {
                handle.get().destroyForcibly();
            }
            LOG.info("event=pg_stopped pid={}", state.get().pid());
        }
        stateFile.delete();
        return wasAlive;
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + ROLE;
    }

    private boolean accepts(int port, String database) {
        try (Connection c = connect(port, database)) {
            return c.isValid(2);
        } catch (SQLException | UncheckedIOException e) {
            return false;
        }
    }

    private Connection connect(int port, String database) throws SQLException {
        Properties props = new Properties();
        try {
            props.setProperty("password", Files.readString(passwordFile()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.setProperty("loginTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(port, database), props);
    }

    private List<String> asUser(boolean root) {
        return root ? USER.dropPrivileges() : List.of();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
