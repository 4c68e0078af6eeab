package org.policyradar.route;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyradar.config.SourceConfig;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.item.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each source's last stored fetch held: per item id, a hash of everything its stored item is built from (the
 * entry's link, text, language and date, the source's configuration, the classifier's version). Most feeds answer
 * every poll with the same 20-100 entries and no 304; without this each poll classified and rewrote all of them.
 * An entry whose hash matches and whose item Elasticsearch still holds is skipped; a changed entry, an upgrade or
 * taxonomy edit, a new source setting, or an item deleted from the index makes it go through again.
 *
 * <p>One small JSON file per source under {@code DATA_DIR/seen/}, replaced atomically and written only after the
 * fetch's items are durable in the spool, so a crash can cost a re-classification, never an item.
 */
public final class SeenEntries {
    private static final Logger LOG = LoggerFactory.getLogger(SeenEntries.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final String classifierVersion;
    private final Map<String, Map<String, String>> bySource = new LinkedHashMap<>();

    /** @param dir null to remember nothing (every entry is then processed on every poll) */
    public SeenEntries(Path dir, String classifierVersion) {
        this.dir = dir;
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
    public synchronized Map<String, String> get(String sourceId) {
        if (dir == null) {
            return Map.of();
        }
        return bySource.computeIfAbsent(sourceId, this::read);
    }

    /** Replaces the source's record with the entries of a fetch whose items are now stored (or were already). */
    public synchronized void put(String sourceId, Map<String, String> stored) {
        if (dir == null) {
            return;
        }
        Map<String, String> copy = new LinkedHashMap<>(stored);
        if (copy.equals(bySource.get(sourceId))) {
            return;
        }
        bySource.put(sourceId, copy);
        Path file = file(sourceId);
        try {
            Files.createDirectories(dir);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), copy);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only costs re-classifying this source's unchanged entries next time: say so and go on.
            LOG.warn("event=seen_entries_unwritable source={} file={} reason=\"{}\"", sourceId, file, e.getMessage());
        }
    }

    private Map<String, String> read(String sourceId) {
        Path file = file(sourceId);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return new LinkedHashMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("event=seen_entries_unreadable source={} file={} reason=\"{}\" action=processing_all_entries", sourceId,
                    file, e.getMessage());
            return Map.of();
        }
    }

    private Path file(String sourceId) {
        return dir.resolve(sourceId + ".json"); // source ids are [a-z0-9-] (ConfigLoader)
    }
}
