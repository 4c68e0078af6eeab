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

    /** The shared corpus folder (surefire sets {@code radar.shared.dir}), if present. */
    static Optional<Path> sharedDir() {
        String dir = System.getProperty("radar.shared.dir");
        if (dir == null) return Optional.empty();
        Path p = Path.of(dir);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
