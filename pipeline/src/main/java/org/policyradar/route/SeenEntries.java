package org.policyradar.route;

import java.nio.file.Path;
import java.util.Map;
import org.policyradar.config.SourceConfig;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.item.Sha256;

/**
 * What each source's last stored fetch held: per item id, a hash of everything its stored item is built from (the
 * entry's link, text, language and date, the source's configuration, the classifier's version). Most feeds answer
 * every poll with the same 20-100 entries and no 304; without this each poll classified and rewrote all of them.
 * An entry whose hash matches and whose item Elasticsearch still holds is skipped; a changed entry, an upgrade or
 * taxonomy edit, a new source setting, or an item deleted from the index makes it go through again.
 *
 * <p>Kept in a {@link SeenEntryStore} (one small JSON file per source under {@code DATA_DIR/seen/} by default, PostgreSQL
 * in cluster mode) and written only after the fetch's items are durable in the spool, so a crash can cost a
 * re-classification, never an item.
 */
public final class SeenEntries {
    private final SeenEntryStore store;
    private final String classifierVersion;

    /** @param dir null to remember nothing (every entry is then processed on every poll) */
    public SeenEntries(Path dir, String classifierVersion) {
        this(dir == null ? SeenEntryStore.NONE : new FileSeenEntryStore(dir), classifierVersion);
    }

    public SeenEntries(SeenEntryStore store, String classifierVersion) {
        this.store = store;
        this.classifierVersion = classifierVersion;
    }

    /** Hash of what the item of this entry would be made of; the fetch time is left out, and so is an estimated date. */
    public String hash(SourceConfig source, RawItem raw) {
        StringBuilder sb = new StringBuilder(256)
                .append(classifierVersion).append('\u0000').append(source).append('\u0000')
                .append(raw.url()).append('\u0000').append(raw.identityKey()).append('\u0000')
                .append(raw.title()).append('\u0000').append(raw.summary()).append('\u0000').append(raw.text()).append('\u0000')
                .append(raw.publishedEstimated() ? "estimated" : String.valueOf(raw.published())).append('\u0000')
                .append(raw.declaredLang());
        return Sha256.hex(sb.toString(), 12);
    }

    /** Item id to hash, as recorded after the source's last stored fetch (empty when none). */
    public Map<String, String> get(String sourceId) {
        return store.get(sourceId);
    }

    /** Replaces the source's record with the entries of a fetch whose items are now stored (or were already). */
    public void put(String sourceId, Map<String, String> stored) {
        store.put(sourceId, stored);
    }
}
