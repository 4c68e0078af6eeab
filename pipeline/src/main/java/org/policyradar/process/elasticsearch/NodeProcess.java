package org.policyradar.process.elasticsearch;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyradar.process.LoopbackPorts;
import org.policyradar.process.ProcessUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, awaits and stops one Elasticsearch process. Its directories live under {@code nodeDir}: {@code data},
 * {@code logs} (with the console output in {@code console.out}) and {@code tmp}; a node of a cluster also gets its
 * own copy of {@code config} (the keystore is written there on first start, so nodes must not share it).
 */
public final class NodeProcess {
    private static final Logger LOG = LoggerFactory.getLogger(NodeProcess.class);
    /** Elasticsearch refuses to run as root: as root, a node runs as this user and owns its directories. */
    static final ProcessUser USER = new ProcessUser("esrun", "Elasticsearch");

    private final Path home;
    private final Path javaHome;
    private final String heap;
    private final HealthProbe health = new HealthProbe();

    /**
     * @param home     the unpacked distribution
     * @param javaHome a JDK ≥ 21 for Elasticsearch 9 (it ships none)
     * @param heap     e.g. {@code 512m}
     */
    public NodeProcess(Path home, Path javaHome, String heap) {
        this.home = home;
        this.javaHome = javaHome;
        this.heap = heap;
    }

    /**
     * Launches the node in its own session (a Ctrl-C in the terminal that ran {@code radar} must not stop it).
     *
     * @param ownedDir handed to the unprivileged user when we are root (it must contain home and nodeDir)
     */
    public Process launch(NodeSettings settings, Path nodeDir, Path ownedDir) throws IOException {
        Path data = Files.createDirectories(nodeDir.resolve("data"));
        Path logs = Files.createDirectories(nodeDir.resolve("logs"));
        Path tmp = Files.createDirectories(nodeDir.resolve("tmp"));
        Optional<Path> config = settings.single() ? Optional.empty() : Optional.of(ownConfig(nodeDir));
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(USER.prepare(ownedDir));
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(settings.arguments(data, logs));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear(); // keep JAVA_TOOL_OPTIONS and friends of the caller out of Elasticsearch
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("HOME", tmp.toString());
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.put("ES_TMPDIR", tmp.toString());
        config.ifPresent(c -> env.put("ES_PATH_CONF", c.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(console(nodeDir).toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = pb.start();
        LOG.info("event=es_starting pid={} url={} node={} home={} data={}", process.pid(), settings.url(),
                settings.single() ? "single" : settings.nodeName(), home, data);
        return process;
    }

    /** Waits until the node answers yellow with at least {@code nodes} nodes in its cluster; stops it on failure. */
    public void awaitHealthy(Process process, String url, int nodes, Path nodeDir, Duration timeout) {
        Instant started = Instant.now();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("embedded elasticsearch exited with code " + process.exitValue()
                        + " while starting; last lines of " + console(nodeDir) + ":\n" + LoopbackPorts.tail(console(nodeDir)));
            }
            if (health.reaches(URI.create(url), "yellow", nodes, Duration.ofSeconds(1))) {
                LOG.info("event=es_started pid={} url={} seconds={}", process.pid(), url,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                return;
            }
            Pause.millis(250);
        }
        stop(process.pid());
        throw new IllegalStateException("embedded elasticsearch did not become healthy within " + timeout.toSeconds()
                + " s; see " + console(nodeDir));
    }

    /** SIGTERM to the launcher (it forwards it to the server JVM), SIGKILL to what is left after 30 s. */
    public static boolean stop(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        List<ProcessHandle> children = handle.get().descendants().toList();
        handle.get().destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handle.get().isAlive() && System.nanoTime() < deadline) {
            Pause.millis(100);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (handle.get().isAlive()) {
            handle.get().destroyForcibly();
        }
        LOG.info("event=es_stopped pid={}", pid);
        return true;
    }

    /** SIGKILL to the server JVM and its launcher: no shutdown, no flush (what a crashed machine does). */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(h -> {
            List<ProcessHandle> family = new ArrayList<>(h.descendants().toList());
            family.add(h);
            family.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : family) {
                p.onExit().join();
            }
        });
        LOG.info("event=es_killed pid={}", pid);
    }

    static Path console(Path nodeDir) {
        return nodeDir.resolve("logs").resolve("console.out");
    }

    private Path ownConfig(Path nodeDir) throws IOException {
        Path config = nodeDir.resolve("config");
        if (!Files.exists(config)) {
            try (var walk = Files.walk(home.resolve("config"))) {
                for (Path source : walk.toList()) {
                    Path target = config.resolve(home.resolve("config").relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        }
        return config;
    }

}
