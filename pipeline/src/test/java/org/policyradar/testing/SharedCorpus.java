package org.policyradar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus next to the repository ({@code ../shared}, or {@code -Dradar.shared.dir}). Without it
 * {@link #dir()} and {@link #path} skip the test and say so on stderr, loudly, with the reason; in CI ({@code CI=true}
 * in the environment, as {@code .ci/run} sets, or {@code -Dradar.require.shared=true}) a missing corpus fails the
 * test instead: CI expects the corpus, and a green run that measured nothing must not look like a measured one.
 * {@link #required(String)} always fails, for tests whose floors must never pass silently.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The shared directory, when it holds {@code corpus/}. */
    public static Path dir() {
        Path dir = root();
        presentOrSkip(Files.isDirectory(dir.resolve("corpus")), dir.resolve("corpus"));
        return dir;
    }

    /** A file or directory of the shared corpus ({@code corpus/feeds/EXPECTED.tsv}), when it exists. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        presentOrSkip(Files.exists(p), p);
        return p;
    }

    /** A directory of the shared corpus, or a failure naming where it was looked for and how to point to it. */
    public static Path required(String relative) {
        Path dir = root().resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("shared corpus directory " + dir + " not found: this test measures against it and must not "
                    + "pass without it; set -Dradar.shared.dir=/path/to/shared");
        }
        return dir;
    }

    /** Whether a missing corpus fails instead of skipping: in CI, or when asked to. */
    public static boolean requiredByCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("radar.require.shared");
    }

    private static Path root() {
        return Path.of(System.getProperty("radar.shared.dir", "../shared")).toAbsolutePath().normalize();
    }

    private static void presentOrSkip(boolean present, Path looked) {
        if (present) {
            return;
        }
        String why = "shared corpus not found at " + looked + " (set -Dradar.shared.dir=/path/to/shared)";
        if (requiredByCi()) {
            throw new AssertionError("CI expects the shared corpus: " + why);
        }
        String test = StackWalker.getInstance().walk(s -> s.skip(2).findFirst().map(f -> f.getClassName() + "."
                + f.getMethodName()).orElse("?"));
        System.err.println("*** SKIPPED " + test + ": " + why + " ***");
        Assumptions.abort(why + ": skipped");
    }
}
