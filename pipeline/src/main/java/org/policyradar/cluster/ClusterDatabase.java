package org.policyradar.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.policyradar.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared PostgreSQL of cluster mode: a small connection pool, checked at start-up (a clear message naming the key
 * and the fix when it cannot be reached), and the schema: PolicyRadar's per-source state tables and Quartz's job
 * store tables (from the {@code tables_postgres.sql} shipped in the Quartz jar), created when missing.
 */
public final class ClusterDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDatabase.class);
    /** Advisory lock key held while the schema is created: instances starting together must not race on DDL. */
    private static final long SCHEMA_LOCK = 0x52414441_52000001L;
    static final String QUARTZ_SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    private static final List<String> RADAR_TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS radar_fetch_state (
              source_id text NOT NULL, uri text NOT NULL, etag text, last_modified text,
              updated timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (source_id, uri))""",
            """
            CREATE TABLE IF NOT EXISTS radar_seen_entries (
              source_id text NOT NULL, entry_hash text NOT NULL, item_id text NOT NULL,
              PRIMARY KEY (source_id, entry_hash))""");

    private final ClusterSettings settings;
    private final HikariDataSource pool;

    private ClusterDatabase(ClusterSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /** Connects and creates what is missing; a database that cannot be reached stops the start with the fix. */
    public static ClusterDatabase open(ClusterSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.dbUrl());
        settings.username().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(4);
        config.setPoolName("radar-cluster");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // one attempt: a refused password does not get better by retrying
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ConfigException("RADAR_CLUSTER_DB / cluster.db_url: cannot connect to " + settings.dbUrl() + ": "
                    + rootMessage(e) + " (is it up? 'radar pg status' for the embedded one; the password comes from "
                    + "RADAR_CLUSTER_DB_PASSWORD, RADAR_CLUSTER_DB_PASSWORD_FILE or cluster.password_file)", e);
        }
        ClusterDatabase db = new ClusterDatabase(settings, pool);
        try {
            db.ensureSchema();
        } catch (SQLException | IOException e) {
            pool.close();
            throw new ConfigException("RADAR_CLUSTER_DB / cluster.db_url: cannot create the cluster tables in "
                    + settings.dbUrl() + ": " + e.getMessage() + " (the role needs CREATE on the database's public schema)", e);
        }
        return db;
    }

    public DataSource dataSource() {
        return pool;
    }

    public ClusterSettings settings() {
        return settings;
    }

    private void ensureSchema() throws SQLException, IOException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                for (String ddl : RADAR_TABLES) {
                    s.execute(ddl);
                }
                boolean quartzMissing;
                try (var rs = s.executeQuery("SELECT to_regclass('qrtz_locks') IS NULL")) {
                    rs.next();
                    quartzMissing = rs.getBoolean(1);
                }
                if (quartzMissing) {
                    for (String ddl : quartzTables()) {
                        s.execute(ddl);
                    }
                    LOG.info("event=quartz_tables_created url={}", settings.dbUrl());
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The CREATE statements of Quartz's own PostgreSQL script (its DROPs left out: existing tables are kept). */
    static List<String> quartzTables() throws IOException {
        String script;
        try (InputStream in = ClusterDatabase.class.getResourceAsStream(QUARTZ_SCRIPT)) {
            if (in == null) {
                throw new IOException("the Quartz jar lacks " + QUARTZ_SCRIPT);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            String s = statement.strip();
            if (!s.isEmpty() && !s.toUpperCase(java.util.Locale.ROOT).startsWith("DROP ")
                    && !s.equalsIgnoreCase("COMMIT")) {
                statements.add(s);
            }
        }
        return statements;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    @Override
    public void close() {
        pool.close();
    }
}
