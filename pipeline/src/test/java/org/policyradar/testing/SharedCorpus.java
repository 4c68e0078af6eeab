package org.policyradar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus next to the repository ({@code ../shared}): {@link #dir()} skips cleanly without it,
 * {@link #required(String)} fails, for tests whose floors must not pass silently on a machine without the corpus.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Path dir() {
        String p = System.getProperty("radar.shared.dir", "../shared");
        Path dir = Path.of(p).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("corpus")), "shared corpus not found at " + dir + ": skipped");
        return dir;
    }

    /** A directory of the shared corpus, or a failure naming where it was looked for and how to point to it. */
    public static Path required(String relative) {
        Path dir = Path.of(System.getProperty("radar.shared.dir", "../shared")).toAbsolutePath().normalize().resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("shared corpus directory " + dir + " not found: this test measures against it and must not "
                    + "pass without it; set -Dradar.shared.dir=/path/to/shared");
        }
        return dir;
    }
}
