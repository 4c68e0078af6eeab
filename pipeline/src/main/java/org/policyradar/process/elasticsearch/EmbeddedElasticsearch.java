package org.policyradar.process.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.policyradar.process.LoopbackPorts;
import org.policyradar.process.ServerState;
import org.policyradar.process.StartLock;
import org.policyradar.process.StateFile;
import org.policyradar.process.EmbeddedServer;

/**
 * The embedded default Elasticsearch: the integ-test distribution from Maven Central, unpacked once under
 * {@code baseDir/home}, started on 127.0.0.1 with security off as a single node, data under {@code baseDir/data}.
 * The process outlives the command that started it; its pid and port are recorded in {@code baseDir/state.json} so
 * later commands find it and {@code radar es stop} can stop it. Starting is serialised by {@code start.lock}, so two
 * commands starting at once share one node.
 */
public final class EmbeddedElasticsearch implements EmbeddedServer {
    private final ElasticsearchDistribution distribution;
    private final Path baseDir;
    private final Path javaHome;
    private final String heap;
    private final int preferredPort;
    private final StateFile<ServerState> stateFile;
    private final HealthProbe health = new HealthProbe();

    /**
     * @param distributionZip the {@code elasticsearch-<v>.zip} the build copied from Maven Central
     * @param baseDir         home, data, logs and state live here; every parent must be traversable by {@code esrun}
     * @param javaHome        a JDK ≥ 21 for Elasticsearch 9 (it ships none)
     * @param heap            e.g. {@code 512m}
     * @param preferredPort   tried first (0: any free port)
     */
    public EmbeddedElasticsearch(Path distributionZip, Path baseDir, Path javaHome, String heap, int preferredPort) {
        this.distribution = new ElasticsearchDistribution(distributionZip);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.javaHome = javaHome;
        this.heap = heap;
        this.preferredPort = preferredPort;
        this.stateFile = new StateFile<>(this.baseDir.resolve("state.json"), ServerState.class);
    }

    @Override
    public Path baseDir() {
        return baseDir;
    }

    /** The running node's state, if its process is alive and it answers health checks. */
    @Override
    public Optional<ServerState> running() {
        return stateFile.read().filter(s -> StartLock.alive(s) && health.healthy(URI.create(s.url()), Duration.ofSeconds(2)));
    }

    /** The node's base URL, starting it first when it is not running (what the index layer is given). */
    public String url() {
        return running().orElseGet(() -> start(Duration.ofMinutes(3))).url();
    }

    /** Starts the node unless it is already running; waits until it is healthy. */
    @Override
    public ServerState start(Duration timeout) {
        return StartLock.start(this, stateFile, "elasticsearch", stale -> {
            // Alive but not answering: still starting (another command started it) or hung. Wait for it.
            if (health.healthy(URI.create(stale.url()), timeout)) {
                return stale;
            }
            throw new IllegalStateException("elasticsearch pid " + stale.pid() + " is running but not healthy at "
                    + stale.url() + "; see " + baseDir.resolve("logs") + ", or run 'radar es stop'");
        }, () -> launch(timeout));
    }

    private ServerState launch(Duration timeout) throws IOException {
        NodeProcess node = new NodeProcess(distribution.home(baseDir.resolve("home")), javaHome, heap);
        NodeSettings settings = NodeSettings.singleNode(LoopbackPorts.choose(preferredPort));
        Instant started = Instant.now();
        Process process = node.launch(settings, baseDir, baseDir);
        ServerState state = new ServerState(process.pid(), settings.httpPort(), settings.url(), started.toString());
        stateFile.write(state);
        try {
            node.awaitHealthy(process, state.url(), 0, baseDir, timeout);
        } catch (IllegalStateException e) {
            stateFile.delete();
            throw e;
        }
        return state;
    }

    /** Stops the node by pid (SIGTERM, then SIGKILL after 30 s). Returns false when nothing was running. */
    @Override
    public boolean stop() {
        Optional<ServerState> state = stateFile.read();
        if (state.isEmpty()) {
            return false;
        }
        boolean wasAlive = NodeProcess.stop(state.get().pid());
        stateFile.delete();
        return wasAlive;
    }
}
