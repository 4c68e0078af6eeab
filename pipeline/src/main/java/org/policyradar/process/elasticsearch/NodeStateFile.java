package org.policyradar.process.elasticsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code state.json}: how a later command finds the node an earlier one started. Written atomically. */
final class NodeStateFile {
    private static final Logger LOG = LoggerFactory.getLogger(NodeStateFile.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    NodeStateFile(Path file) {
        this.file = file;
    }

    Optional<NodeState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), NodeState.class));
        } catch (IOException e) {
            LOG.warn("event=es_state_unreadable file={} reason=\"{}\"", file, e.getMessage());
            return Optional.empty();
        }
    }

    void write(NodeState state) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), state);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
