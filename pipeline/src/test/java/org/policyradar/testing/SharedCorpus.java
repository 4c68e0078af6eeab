package org.policyradar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared corpus next to the repository ({@code ../shared}); tests that need it skip cleanly without it. */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Path dir() {
        String p = System.getProperty("radar.shared.dir", "../shared");
        Path dir = Path.of(p).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("corpus")), "shared corpus not found at " + dir + ": skipped");
        return dir;
    }
}
