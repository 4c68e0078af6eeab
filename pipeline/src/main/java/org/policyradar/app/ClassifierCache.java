package org.policyradar.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextAnalysers;
import org.policyradar.config.ConfigException;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TaxonomyLoader;

/**
 * Loaded taxonomies and classifiers by taxonomy file (empty: the built-in taxonomy). Each taxonomy is read once and
 * serves the classifier, the glossary, the change summaries and the query expansion; the CoreNLP pipelines (seconds
 * to load) are shared by every taxonomy and loaded only when a classifier is first asked for.
 */
public final class ClassifierCache {
    private final Map<Optional<Path>, Taxonomy> taxonomies = new HashMap<>();
    private final Map<Optional<Path>, ItemClassifier> classifiers = new HashMap<>();
    private TextAnalysers analysers;

    /** The taxonomy of {@code file} (empty: the built-in one); a broken file is a configuration error. */
    public synchronized Taxonomy taxonomy(Optional<Path> file) {
        return taxonomies.computeIfAbsent(file, f -> {
            try {
                return f.map(TaxonomyLoader::load).orElseGet(TaxonomyLoader::loadDefault);
            } catch (TaxonomyException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        });
    }

    /** The classifier over the taxonomy of {@code file}. */
    public synchronized ItemClassifier classifier(Optional<Path> file) {
        ItemClassifier loaded = classifiers.get(file);
        if (loaded == null) {
            if (analysers == null) {
                analysers = new TextAnalysers();
            }
            loaded = Classifiers.load(taxonomy(file), analysers);
            classifiers.put(file, loaded);
        }
        return loaded;
    }
}
