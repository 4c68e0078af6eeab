package org.policyradar.reclassify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.policyradar.files.JsonFiles;

/** The saved {@link ReclassifyState}, one JSON file replaced atomically, so a kill leaves the old or the new state. */
public final class ReclassifyStateFile {
    /** The state file exists but is not a state (truncated by a full disk, edited by hand). */
    public static final class UnreadableState extends RuntimeException {
        UnreadableState(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path file;
    private final ObjectMapper json;

    public ReclassifyStateFile(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    public Path path() {
        return file;
    }

    public Optional<ReclassifyState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), ReclassifyState.class));
        } catch (IOException e) {
            throw new UnreadableState(file + ": unreadable re-classification state (" + e.getMessage()
                    + "); delete it or run with --restart to start over", e);
        }
    }

    public void write(ReclassifyState state) {
        try {
            Files.createDirectories(file.getParent());
            JsonFiles.writeAtomically(json, file, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the re-classification state to " + file, e);
        }
    }
}
