package org.policyradar.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: per-source state in PostgreSQL, Quartz's clustered job store, and cluster-wide exclusive jobs by a
 * PostgreSQL advisory lock (held by a session: an instance killed mid-job releases it when its connection drops).
 */
public final class PostgresCoordination extends StoreBackedCoordination {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCoordination.class);
    /** The Camel context's name is in every Quartz job's data: all instances must use the same one. */
    public static final String CAMEL_CONTEXT_NAME = "policyradar";
    private static final int LOCK_SPACE = 0x5241; // "RA": keeps our advisory locks apart from anyone else's

    private final ClusterDatabase db;
    private final String instanceId;

    public PostgresCoordination(ClusterDatabase db, String instanceId) {
        super(new PostgresFetchStateStore(db.dataSource()), new PostgresSeenEntryStore(db.dataSource()));
        this.db = db;
        this.instanceId = instanceId;
        LOG.info("event=cluster_mode instance={} db={} checkin_ms={}", instanceId, db.settings().dbUrl(),
                db.settings().checkinInterval().toMillis());
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public void prepare(CamelContext camel) {
        camel.getCamelContextExtension().setName(CAMEL_CONTEXT_NAME);
        camel.addComponent("quartz", ClusteredQuartz.component(db.settings(), instanceId));
    }

    @Override
    public void exclusively(String job, Runnable body) {
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setString(2, job);
                lock.execute();
            }
            try {
                body.run();
            } finally {
                try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                    unlock.setInt(1, LOCK_SPACE);
                    unlock.setString(2, job);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the cluster lock of job '" + job + "' in PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
