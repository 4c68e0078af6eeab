package org.policyradar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** A missing corpus skips loudly outside CI and fails in CI. */
class SharedCorpusTest {

    private static void withProperties(String sharedDir, boolean require, Runnable body) {
        String oldDir = System.getProperty("radar.shared.dir");
        String oldRequire = System.getProperty("radar.require.shared");
        System.setProperty("radar.shared.dir", sharedDir);
        System.setProperty("radar.require.shared", String.valueOf(require));
        try {
            body.run();
        } finally {
            if (oldDir == null) System.clearProperty("radar.shared.dir"); else System.setProperty("radar.shared.dir", oldDir);
            if (oldRequire == null) System.clearProperty("radar.require.shared"); else System.setProperty("radar.require.shared", oldRequire);
        }
    }

    @Test
    void aMissingCorpusSkipsSayingWhereItWasLookedForOrFailsWhenCiRequiresIt(@TempDir Path empty) {
        withProperties(empty.toString(), true, () -> assertThatThrownBy(SharedCorpus::dir).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI expects the shared corpus").hasMessageContaining(empty.resolve("corpus").toString()));
        if (SharedCorpus.requiredByCi()) {
            return; // CI=true in this environment: a missing corpus can only fail here, which the lines above showed
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            withProperties(empty.toString(), false, () -> assertThatThrownBy(() -> SharedCorpus.path("corpus/feeds/EXPECTED.tsv"))
                    .isInstanceOf(TestAbortedException.class).hasMessageContaining("skipped"));
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("*** SKIPPED", "SharedCorpusTest",
                empty.resolve("corpus/feeds/EXPECTED.tsv").toString());
    }

    @Test
    void aPresentCorpusIsReturned(@TempDir Path shared) throws Exception {
        Files.createDirectories(shared.resolve("corpus/feeds"));
        withProperties(shared.toString(), true, () -> {
            assertThat(SharedCorpus.dir()).isEqualTo(shared.toAbsolutePath().normalize());
            assertThat(SharedCorpus.path("corpus/feeds")).isDirectory();
        });
    }
}
