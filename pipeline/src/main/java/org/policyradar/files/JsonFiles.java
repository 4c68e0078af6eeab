package org.policyradar.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small JSON state files (fetch validators, seen entries, a server's record, a resumable run's position). */
public final class JsonFiles {
    private JsonFiles() {
    }

    /**
     * Writes {@code value} to {@code file} through a sibling {@code .tmp} file and an atomic rename, so a reader (or
     * the next start after a crash) sees the old content or the new one, never half of it.
     */
    public static void writeAtomically(ObjectMapper json, Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
