package org.policyradar.route;

import java.util.Map;

/**
 * Where {@link SeenEntries} keeps, per source, the item ids and entry hashes of the last stored fetch: files on one
 * machine ({@link FileSeenEntryStore}), PostgreSQL in cluster mode (shared by the instances).
 */
public interface SeenEntryStore {
    /** Nothing remembered: every entry is processed on every poll. */
    SeenEntryStore NONE = new SeenEntryStore() {
        @Override
        public Map<String, String> get(String sourceId) {
            return Map.of();
        }

        @Override
        public void put(String sourceId, Map<String, String> itemHashes) {
        }
    };

    /** Item id to hash, as recorded after the source's last stored fetch (empty when none). */
    Map<String, String> get(String sourceId);

    /** Replaces the source's record with the entries of a fetch whose items are now stored (or were already). */
    void put(String sourceId, Map<String, String> itemHashes);
}
