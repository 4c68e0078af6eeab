package org.policyradar.process.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.policyradar.process.LoopbackPorts;

/**
 * N nodes of the same distribution on 127.0.0.1 forming one cluster: each with its own HTTP and transport port,
 * data, logs and config under {@code baseDir/<node name>}, all master-eligible data nodes, every node's transport
 * address in {@code discovery.seed_hosts} and every name in {@code cluster.initial_master_nodes} for the first start.
 * For trying cluster mode on one machine and for the tests; a production cluster is run by its operators.
 */
public final class LocalCluster implements AutoCloseable {
    /** One node as started: its settings and the pid of its launcher. */
    public record Node(NodeSettings settings, long pid) {
        public String name() {
            return settings.nodeName();
        }

        public String url() {
            return settings.url();
        }
    }

    private final Path baseDir;
    private final String clusterName;
    private final NodeProcess process;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    public LocalCluster(Path distributionZip, Path baseDir, Path javaHome, String heap, String clusterName) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.clusterName = clusterName;
        try {
            this.process = new NodeProcess(new ElasticsearchDistribution(distributionZip).home(this.baseDir.resolve("home")),
                    javaHome, heap);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack elasticsearch under " + this.baseDir, e);
        }
    }

    /** Starts {@code count} nodes at once and waits until all of them are in the cluster and it is green. */
    public List<Node> start(int count, Duration timeout) {
        if (count < 2) {
            throw new IllegalArgumentException("a local cluster has at least 2 nodes, not " + count + " (one node: EmbeddedElasticsearch)");
        }
        try {
            List<String> names = new ArrayList<>();
            List<int[]> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add("node-" + i);
                ports.add(new int[] {LoopbackPorts.choose(0), LoopbackPorts.choose(0)});
            }
            List<String> seeds = ports.stream().map(p -> "127.0.0.1:" + p[1]).toList();
            List<Process> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                NodeSettings settings = new NodeSettings(clusterName, names.get(i), ports.get(i)[0], ports.get(i)[1], seeds, names);
                Process p = process.launch(settings, Files.createDirectories(baseDir.resolve(names.get(i))), baseDir);
                started.add(p);
                nodes.put(names.get(i), new Node(settings, p.pid()));
            }
            for (int i = 0; i < count; i++) {
                Node node = nodes.get(names.get(i));
                process.awaitHealthy(started.get(i), node.url(), count, baseDir.resolve(node.name()), timeout);
            }
            if (!awaitStatus("green", count, timeout)) {
                throw new IllegalStateException("the local cluster under " + baseDir + " did not turn green with " + count
                        + " nodes within " + timeout.toSeconds() + " s; see each node's logs/console.out");
            }
            return List.copyOf(nodes.values());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start a local elasticsearch cluster under " + baseDir, e);
        } catch (RuntimeException e) {
            close(); // no half cluster left running
            throw e;
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** Every node's base URL, comma-separated: what {@code RADAR_ES_URL} takes. */
    public String urls() {
        return nodes.values().stream().map(Node::url).collect(Collectors.joining(","));
    }

    /** {@code kill -9} of one node (launcher and server JVM). */
    public void kill(String name) {
        NodeProcess.kill(node(name).pid());
    }

    /** Starts a stopped or killed node again with its data; waits until the cluster has {@code count} nodes. */
    public Node restart(String name, Duration timeout) {
        Node old = node(name);
        NodeSettings settings = old.settings().rejoining();
        try {
            Process p = process.launch(settings, baseDir.resolve(name), baseDir);
            Node node = new Node(settings, p.pid());
            nodes.put(name, node);
            process.awaitHealthy(p, node.url(), nodes.size(), baseDir.resolve(name), timeout);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + name + " under " + baseDir, e);
        }
    }

    /** Waits until some live node reports {@code status} (or better) with at least {@code count} nodes. */
    public boolean awaitStatus(String status, int count, Duration timeout) {
        HealthProbe probe = new HealthProbe();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Node node : nodes.values()) {
                boolean alive = ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false);
                if (alive && probe.reaches(URI.create(node.url()), status, count, Duration.ofSeconds(1))) {
                    return true;
                }
            }
            Pause.millis(250);
        }
        return false;
    }

    private Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node '" + name + "' in " + nodes.keySet());
        }
        return node;
    }

    @Override
    public void close() {
        nodes.values().forEach(n -> NodeProcess.stop(n.pid()));
    }
}
