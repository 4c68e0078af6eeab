package org.policyradar.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.policyradar.route.SeenEntryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seen-entry hashes in PostgreSQL, one row per (source, entry hash), shared by the instances of a cluster. A put is
 * one transaction: the source's rows whose hash the fetch no longer holds are deleted, its hashes inserted with
 * {@code ON CONFLICT DO NOTHING}, so two instances recording the same fetch leave the same rows.
 */
public final class PostgresSeenEntryStore implements SeenEntryStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSeenEntryStore.class);
    private final DataSource db;

    public PostgresSeenEntryStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Map<String, String> get(String sourceId) {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT item_id, entry_hash FROM radar_seen_entries WHERE source_id = ?")) {
            q.setString(1, sourceId);
            Map<String, String> byItem = new LinkedHashMap<>();
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    byItem.put(rs.getString(1), rs.getString(2));
                }
            }
            return byItem;
        } catch (SQLException e) {
            // As with the file store: costs re-classifying this source's unchanged entries, never an item.
            LOG.warn("event=seen_entries_unreadable source={} store=postgresql reason=\"{}\" action=processing_all_entries",
                    sourceId, String.valueOf(e.getMessage()).replace('"', '\''));
            return Map.of();
        }
    }

    @Override
    public void put(String sourceId, Map<String, String> itemHashes) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM radar_seen_entries WHERE source_id = ? AND NOT (entry_hash = ANY (?))");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO radar_seen_entries (source_id, entry_hash, item_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                delete.setString(1, sourceId);
                delete.setArray(2, c.createArrayOf("text", itemHashes.values().toArray()));
                delete.executeUpdate();
                for (Map.Entry<String, String> e : itemHashes.entrySet()) {
                    insert.setString(1, sourceId);
                    insert.setString(2, e.getValue());
                    insert.setString(3, e.getKey());
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.warn("event=seen_entries_unwritable source={} store=postgresql reason=\"{}\"", sourceId,
                    String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }
}
