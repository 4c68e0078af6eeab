package org.policyradar.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One classifier (and one set of CoreNLP pipelines) per test JVM: loading the Chinese segmenter takes seconds and
 * half a gigabyte, so test classes share this immutable instance instead of building their own.
 */
final class SharedClassifier {

    private static final class Holder {
        static final TextAnalysers ANALYSERS = new TextAnalysers();
        static final TaxonomyClassifier CLASSIFIER = new TaxonomyClassifier(org.policyradar.taxonomy.TaxonomyLoader.loadDefault(), ANALYSERS);
    }

    private SharedClassifier() {
    }

    static TaxonomyClassifier classifier() {
        return Holder.CLASSIFIER;
    }

    static TextAnalysers analysers() {
        return Holder.ANALYSERS;
    }

    /**
     * The labelled development set ({@code corpus/labels/dev.jsonl} of the shared corpus). Without it the test is
     * skipped and says so on stderr; in CI ({@code CI=true}, as {@code .ci/run} sets, or
     * {@code -Dradar.require.shared=true}) it fails instead, as pipeline's {@code testing.SharedCorpus} does.
     */
    static Path devSet() {
        Path dev = sharedDir().map(d -> d.resolve("corpus/labels/dev.jsonl")).filter(Files::isRegularFile).orElse(null);
        if (dev != null) {
            return dev;
        }
        String why = "shared corpus dev set not found under radar.shared.dir=" + System.getProperty("radar.shared.dir");
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("radar.require.shared")) {
            throw new AssertionError("CI expects the shared corpus: " + why);
        }
        System.err.println("*** SKIPPED " + StackWalker.getInstance().walk(f -> f.skip(1).findFirst()
                .map(x -> x.getClassName() + "." + x.getMethodName()).orElse("?")) + ": " + why + " ***");
        org.junit.jupiter.api.Assumptions.abort(why + ": skipped");
        return null;
    }

    /** The shared corpus folder (surefire sets {@code radar.shared.dir}), if present. */
    static Optional<Path> sharedDir() {
        String dir = System.getProperty("radar.shared.dir");
        if (dir == null) return Optional.empty();
        Path p = Path.of(dir);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
