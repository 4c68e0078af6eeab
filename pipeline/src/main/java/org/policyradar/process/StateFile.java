package org.policyradar.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.policyradar.files.JsonFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started server's record (pid, port, URL) in a small JSON file, replaced atomically, so later commands find the
 * server and {@code stop} can stop it.
 */
public final class StateFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(StateFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Class<T> type;

    public StateFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    public Optional<T> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.warn("event=state_unreadable file={} reason=\"{}\"", file, e.getMessage());
            return Optional.empty();
        }
    }

    public void write(T state) throws IOException {
        JsonFiles.writeAtomically(JSON, file, state);
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
