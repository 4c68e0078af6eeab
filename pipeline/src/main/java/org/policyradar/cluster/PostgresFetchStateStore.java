package org.policyradar.cluster;

import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.Validators;

/**
 * Fetch validators in PostgreSQL, one row per (source, URL), shared by the instances of a cluster: whichever instance
 * polls a source next sends the validators of the last stored fetch, whoever made it.
 */
public final class PostgresFetchStateStore implements FetchStateStore {
    private final DataSource db;

    public PostgresFetchStateStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Validators get(String sourceId, URI uri) {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT etag, last_modified FROM radar_fetch_state WHERE source_id = ? AND uri = ?")) {
            q.setString(1, sourceId);
            q.setString(2, uri.toString());
            try (var rs = q.executeQuery()) {
                return rs.next() ? new Validators(rs.getString(1), rs.getString(2)) : Validators.NONE;
            }
        } catch (SQLException e) {
            throw failure("read", sourceId, e);
        }
    }

    @Override
    public void put(String sourceId, URI uri, Validators validators) {
        String sql = validators.isEmpty()
                ? "DELETE FROM radar_fetch_state WHERE source_id = ? AND uri = ?"
                : "INSERT INTO radar_fetch_state (source_id, uri, etag, last_modified) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (source_id, uri) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, updated = now()";
        try (Connection c = db.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            u.setString(1, sourceId);
            u.setString(2, uri.toString());
            if (!validators.isEmpty()) {
                u.setString(3, validators.etag());
                u.setString(4, validators.lastModified());
            }
            u.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", sourceId, e);
        }
    }

    static UncheckedIOException failure(String what, String sourceId, SQLException e) {
        return new UncheckedIOException("cannot " + what + " the shared state of source '" + sourceId + "' in PostgreSQL: "
                + e.getMessage(), new java.io.IOException(e));
    }
}
