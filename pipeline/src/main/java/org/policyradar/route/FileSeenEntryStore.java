package org.policyradar.route;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyradar.files.JsonFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small JSON file per source under {@code DATA_DIR/seen/}, replaced atomically, cached in memory: the
 * single-machine default.
 */
public final class FileSeenEntryStore implements SeenEntryStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSeenEntryStore.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final Map<String, Map<String, String>> bySource = new LinkedHashMap<>();

    public FileSeenEntryStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized Map<String, String> get(String sourceId) {
        return bySource.computeIfAbsent(sourceId, this::read);
    }

    @Override
    public synchronized void put(String sourceId, Map<String, String> itemHashes) {
        Map<String, String> copy = new LinkedHashMap<>(itemHashes);
        if (copy.equals(bySource.get(sourceId))) {
            return;
        }
        bySource.put(sourceId, copy);
        Path file = file(sourceId);
        try {
            Files.createDirectories(dir);
            JsonFiles.writeAtomically(json, file, copy);
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
