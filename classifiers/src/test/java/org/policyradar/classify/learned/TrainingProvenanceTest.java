package org.policyradar.classify.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.TaxonomyLoader;

class TrainingProvenanceTest {
    /** Prints the built-in taxonomy's hash: run in child JVMs, each with its own iteration order of Map.of/copyOf. */
    public static void main(String[] args) {
        System.out.print(TrainingProvenance.taxonomyHash(TaxonomyLoader.loadDefault()));
    }

    @Test
    void theTaxonomyHashIsTheSameInEveryJvm() throws Exception {
        // Immutable maps iterate in an order salted per JVM: a hash over their toString differed from run to run,
        // so the shipped model looked stale in one build and current in another.
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            hashes.add(hashInChildJvm());
        }
        assertThat(hashes).hasSize(1);
        assertThat(hashes).containsExactly(TrainingProvenance.taxonomyHash(TaxonomyLoader.loadDefault()));
    }

    private static String hashInChildJvm() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TrainingProvenanceTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }
}
