package org.policyradar.fetch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.policyradar.files.JsonFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validators in one small JSON file under the data directory, replaced atomically on every change so a crash leaves
 * either the old or the new state, never a torn file.
 */
public final class FileFetchStateStore implements FetchStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileFetchStateStore.class);
    // Unknown properties are ignored so that state files written by older versions (which stored an "empty" flag)
    // stay readable: losing them would cost one unconditional fetch per source.
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path file;
    private final Map<String, Validators> state;

    public FileFetchStateStore(Path file) {
        this.file = file;
        this.state = read(file);
    }

    private Map<String, Validators> read(Path path) {
        if (!Files.exists(path)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(json.readValue(path.toFile(), new TypeReference<Map<String, Validators>>() { }));
        } catch (IOException e) {
            // A corrupt state file only costs one unconditional fetch per source: say so and go on.
            LOG.warn("event=fetch_state_unreadable file={} reason=\"{}\" action=starting_empty", path, e.getMessage());
            return new TreeMap<>();
        }
    }

    private static String key(String sourceId, URI uri) {
        return sourceId + " " + uri;
    }

    @Override
    public synchronized Validators get(String sourceId, URI uri) {
        return state.getOrDefault(key(sourceId, uri), Validators.NONE);
    }

    @Override
    public synchronized void put(String sourceId, URI uri, Validators validators) {
        if (validators.isEmpty()) {
            state.remove(key(sourceId, uri));
        } else {
            state.put(key(sourceId, uri), validators);
        }
        try {
            Files.createDirectories(file.getParent());
            JsonFiles.writeAtomically(json, file, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fetch state " + file, e);
        }
    }
}
