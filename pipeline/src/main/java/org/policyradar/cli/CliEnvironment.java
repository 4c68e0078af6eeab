package org.policyradar.cli;

import org.policyradar.app.Classifiers;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextAnalysers;

/**
 * What the commands get from the process around them: environment variables, the clock, stdin, and a cache of
 * loaded classifiers (models take seconds to load; a test JVM or a long-lived process loads them once).
 */
public record CliEnvironment(Map<String, String> env, Clock clock, InputStream stdin, ClassifierCache classifiers) {

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Clock.systemUTC(), System.in, new ClassifierCache());
    }

    public CliEnvironment withEnv(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return new CliEnvironment(Map.copyOf(merged), clock, stdin, classifiers);
    }

    public CliEnvironment withStdin(InputStream in) {
        return new CliEnvironment(env, clock, in, classifiers);
    }

    /** Loaded classifiers by taxonomy file (empty: the built-in taxonomy). */
    public static final class ClassifierCache {
        private final Map<Optional<Path>, ItemClassifier> loaded = new HashMap<>();
        private TextAnalysers analysers;

        public synchronized ItemClassifier get(Optional<Path> taxonomy) {
            if (analysers == null) {
                analysers = new TextAnalysers(); // the CoreNLP pipelines: shared by every taxonomy
            }
            return loaded.computeIfAbsent(taxonomy, t -> Classifiers.load(t, analysers));
        }
    }
}
