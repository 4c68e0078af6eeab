package org.policyradar.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.route.SeenEntryStore;

/**
 * What the instances of a deployment share: on one machine nothing ({@link LocalCoordination}: fetch state and seen
 * entries in files, Quartz in memory), in cluster mode PostgreSQL ({@link PostgresCoordination}: the same state in
 * tables, Quartz's clustered JDBC job store, cluster-wide exclusive jobs).
 */
public interface Coordination extends AutoCloseable {

    /** Cluster mode when {@code RADAR_CLUSTER_DB} or {@code cluster.db_url} is set, validated now; else the local default. */
    static Coordination open(Path configDir, Path dataDir, Map<String, String> env) {
        Optional<ClusterSettings> settings = new ClusterSettingsLoader(env).load(configDir);
        if (settings.isEmpty()) {
            return new LocalCoordination(dataDir);
        }
        return new PostgresCoordination(ClusterDatabase.open(settings.get()), InstanceId.of());
    }

    boolean clustered();

    FetchStateStore fetchState();

    SeenEntryStore seenEntries();

    /** Prepares the daemon's Camel context before its routes are added (in cluster mode: the clustered Quartz). */
    void prepare(CamelContext camel);

    /** Runs {@code body} on at most one instance of the deployment at a time (alert evaluation and digests). */
    void exclusively(String job, Runnable body);

    @Override
    void close();
}
