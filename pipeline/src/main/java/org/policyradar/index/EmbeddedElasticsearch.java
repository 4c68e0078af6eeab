package org.policyradar.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default Elasticsearch: the integ-test distribution from Maven Central, unpacked once under
 * {@code baseDir/home}, started on 127.0.0.1 with security off as a single node, data under {@code baseDir/data}.
 * Elasticsearch refuses to run as root, so as root it runs as the system user {@code esrun} (created if missing)
 * through {@code setpriv}. The process outlives the command that started it; its pid and port are recorded in
 * {@code baseDir/state.json} so later commands find it and {@code radar es stop} can stop it.
 */
public final class EmbeddedElasticsearch {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final String ES_USER = "esrun";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is recorded about a started node. */
    public record State(long pid, int port, String url, String started) {
    }

    private final Path distributionZip;
    private final Path baseDir;
    private final Path javaHome;
    private final String heap;
    private final int preferredPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param distributionZip the {@code elasticsearch-<v>.zip} the build copied from Maven Central
     * @param baseDir         home, data, logs and state live here; every parent must be traversable by {@code esrun}
     * @param javaHome        a JDK ≥ 21 for Elasticsearch 9 (it ships none)
     * @param heap            e.g. {@code 512m}
     * @param preferredPort   tried first (0: any free port)
     */
    public EmbeddedElasticsearch(Path distributionZip, Path baseDir, Path javaHome, String heap, int preferredPort) {
        this.distributionZip = distributionZip;
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.javaHome = javaHome;
        this.heap = heap;
        this.preferredPort = preferredPort;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** The running node's state, if its process is alive and it answers health checks. */
    public Optional<State> running() {
        Optional<State> state = readState();
        if (state.isEmpty()) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(state.get().pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive || !healthy(URI.create(state.get().url()), Duration.ofSeconds(2))) {
            return Optional.empty();
        }
        return state;
    }

    /** Starts the node unless it is already running; waits until it is healthy. */
    public State start(Duration timeout) {
        try {
            Files.createDirectories(baseDir);
            try (FileChannel lockChannel = FileChannel.open(baseDir.resolve("start.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
                Optional<State> existing = running();
                if (existing.isPresent()) {
                    return existing.get();
                }
                Optional<State> stale = readState();
                if (stale.isPresent() && ProcessHandle.of(stale.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
                    // Alive but not answering: still starting (another command started it) or hung. Wait for it.
                    if (healthy(URI.create(stale.get().url()), timeout)) {
                        return stale.get();
                    }
                    throw new IllegalStateException("elasticsearch pid " + stale.get().pid() + " is running but not healthy at "
                            + stale.get().url() + "; see " + baseDir.resolve("logs") + ", or run 'radar es stop'");
                }
                return launch(timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded elasticsearch under " + baseDir, e);
        }
    }

    private State launch(Duration timeout) throws IOException {
        Path home = unpack();
        Path data = Files.createDirectories(baseDir.resolve("data"));
        Path logs = Files.createDirectories(baseDir.resolve("logs"));
        Path tmp = Files.createDirectories(baseDir.resolve("tmp"));
        int port = choosePort();
        List<String> command = new ArrayList<>();
        command.add("setsid"); // its own session: a Ctrl-C in the terminal that ran `radar` must not stop the node
        if (isRoot()) {
            ensureUser();
            makeTraversable(baseDir);
            chown(baseDir);
            command.addAll(List.of("setpriv", "--reuid=" + ES_USER, "--regid=" + ES_USER, "--init-groups", "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        for (String setting : List.of("discovery.type=single-node", "network.host=127.0.0.1", "http.port=" + port,
                "transport.port=0", "path.data=" + data, "path.logs=" + logs, "xpack.security.enabled=false",
                "cluster.routing.allocation.disk.threshold_enabled=false", "action.destructive_requires_name=false",
                "xpack.ml.enabled=false")) {
            command.add("-E");
            command.add(setting);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear(); // keep JAVA_TOOL_OPTIONS and friends of the caller out of Elasticsearch
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("HOME", tmp.toString());
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("ES_TMPDIR", tmp.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.out").toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Instant started = Instant.now();
        Process process = pb.start();
        String url = "http://127.0.0.1:" + port;
        State state = new State(process.pid(), port, url, started.toString());
        writeState(state);
        LOG.info("event=es_starting pid={} url={} home={} data={}", process.pid(), url, home, data);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("embedded elasticsearch exited with code " + process.exitValue()
                        + " while starting; last lines of " + logs.resolve("console.out") + ":\n" + tail(logs.resolve("console.out")));
            }
            if (healthy(URI.create(url), Duration.ofSeconds(1))) {
                LOG.info("event=es_started pid={} url={} seconds={}", process.pid(), url,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                return state;
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("embedded elasticsearch did not become healthy within " + timeout.toSeconds()
                + " s; see " + logs.resolve("console.out"));
    }

    /** Stops the node by pid (SIGTERM, then SIGKILL after 30 s). Returns false when nothing was running. */
    public boolean stop() {
        Optional<State> state = readState();
        if (state.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(state.get().pid());
        boolean wasAlive = handle.map(ProcessHandle::isAlive).orElse(false);
        if (wasAlive) {
            List<ProcessHandle> children = handle.get().descendants().toList();
            handle.get().destroy(); // the launcher forwards SIGTERM to the server JVM
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (handle.get().isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            for (ProcessHandle p : children) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            if (handle.get().isAlive()) {
                handle.get().destroyForcibly();
            }
            LOG.info("event=es_stopped pid={}", state.get().pid());
        }
        try {
            Files.deleteIfExists(baseDir.resolve("state.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wasAlive;
    }

    private Path unpack() throws IOException {
        if (distributionZip == null || !Files.isRegularFile(distributionZip)) {
            throw new IllegalStateException("the Elasticsearch distribution zip " + distributionZip + " is missing; "
                    + "build the project first (mvn -DskipTests package copies it from Maven Central)");
        }
        Path homeRoot = baseDir.resolve("home");
        String name = distributionZip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path home = homeRoot.resolve(name);
        if (Files.exists(home.resolve(".unpacked"))) {
            return home;
        }
        Path staging = Files.createDirectories(homeRoot.resolve(name + ".partial"));
        try (InputStream in = Files.newInputStream(distributionZip); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                int slash = entryName.indexOf('/');
                String relative = slash >= 0 ? entryName.substring(slash + 1) : entryName;
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry escapes the target directory: " + entryName);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    // java.util.zip drops Unix modes: scripts and native launchers live in bin/ directories.
                    if (target.getParent().getFileName().toString().equals("bin")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        if (Files.exists(home)) {
            deleteTree(home);
        }
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(home.resolve(".unpacked"), Instant.now().toString());
        LOG.info("event=es_unpacked home={}", home);
        return home;
    }

    private int choosePort() throws IOException {
        if (preferredPort > 0) {
            try (ServerSocket s = new ServerSocket(preferredPort, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException busy) {
                LOG.info("event=es_port_busy port={} action=choosing_free_port", preferredPort);
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    boolean healthy(URI base, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() < deadline) {
                sleep(250);
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private Optional<State> readState() {
        Path file = baseDir.resolve("state.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), State.class));
        } catch (IOException e) {
            LOG.warn("event=es_state_unreadable file={} reason=\"{}\"", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void writeState(State state) throws IOException {
        Path tmp = baseDir.resolve("state.json.tmp");
        JSON.writeValue(tmp.toFile(), state);
        Files.move(tmp, baseDir.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureUser() throws IOException {
        if (run(List.of("id", ES_USER)) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ES_USER)) != 0) {
            throw new IOException("cannot create the system user '" + ES_USER + "' that Elasticsearch runs as (it refuses root)");
        }
    }

    private static void chown(Path dir) throws IOException {
        if (run(List.of("chown", "-R", ES_USER + ":", dir.toString())) != 0) {
            throw new IOException("cannot chown " + dir + " to " + ES_USER);
        }
    }

    /** The unprivileged user must be able to reach baseDir: /root and mktemp directories are 0700. */
    private static void makeTraversable(Path dir) throws IOException {
        for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                if (p.equals(dir) || p.startsWith(Path.of("/tmp")) || p.startsWith(Path.of("/var"))) {
                    perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                } else {
                    throw new IOException(p + " is not traversable by the unprivileged user '" + ES_USER + "' that "
                            + "Elasticsearch runs as; choose a data directory outside it (RADAR_DATA_DIR or data_dir in radar.yaml)");
                }
            }
        }
    }

    private static int run(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
