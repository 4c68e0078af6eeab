package org.policyradar.process.elasticsearch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -E} settings of one node on 127.0.0.1 with security off. A single node uses
 * {@code discovery.type=single-node}; a node of a local cluster names its cluster, itself, the other nodes' transport
 * addresses ({@code discovery.seed_hosts}) and, on the cluster's first start only, the master-eligible nodes of the
 * first election ({@code cluster.initial_master_nodes}; Elasticsearch says to drop it once the cluster has formed).
 *
 * @param clusterName    null for a single node
 * @param transportPort  0 for a single node (any free port)
 * @param seedHosts      {@code 127.0.0.1:port} of every node's transport, empty for a single node
 * @param initialMasters node names for the first election, empty on a single node or a restart
 */
public record NodeSettings(String clusterName, String nodeName, int httpPort, int transportPort, List<String> seedHosts,
                           List<String> initialMasters) {

    public static NodeSettings singleNode(int httpPort) {
        return new NodeSettings(null, null, httpPort, 0, List.of(), List.of());
    }

    public boolean single() {
        return clusterName == null;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The same node restarted after the cluster has formed: no bootstrap list. */
    public NodeSettings rejoining() {
        return new NodeSettings(clusterName, nodeName, httpPort, transportPort, seedHosts, List.of());
    }

    List<String> arguments(Path data, Path logs) {
        List<String> settings = new ArrayList<>();
        if (single()) {
            settings.add("discovery.type=single-node");
        } else {
            settings.add("cluster.name=" + clusterName);
            settings.add("node.name=" + nodeName);
            settings.add("discovery.seed_hosts=" + String.join(",", seedHosts));
            if (!initialMasters.isEmpty()) {
                settings.add("cluster.initial_master_nodes=" + String.join(",", initialMasters));
            }
        }
        settings.addAll(List.of("network.host=127.0.0.1", "http.port=" + httpPort, "transport.port=" + transportPort,
                "path.data=" + data, "path.logs=" + logs, "xpack.security.enabled=false",
                "cluster.routing.allocation.disk.threshold_enabled=false", "action.destructive_requires_name=false",
                "xpack.ml.enabled=false"));
        List<String> arguments = new ArrayList<>();
        for (String s : settings) {
            arguments.add("-E");
            arguments.add(s);
        }
        return arguments;
    }
}
