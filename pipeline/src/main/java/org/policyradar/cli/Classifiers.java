package org.policyradar.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TaxonomyClassifier;
import org.policyradar.classify.TextAnalysers;
import org.policyradar.config.ConfigException;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TaxonomyLoader;

/** Loads the classifier for the configured taxonomy (an analyst's file, or the built-in one). */
final class Classifiers {
    private Classifiers() {
    }

    static ItemClassifier load(Optional<Path> taxonomyFile, TextAnalysers analysers) {
        Taxonomy taxonomy;
        try {
            taxonomy = taxonomyFile.map(TaxonomyLoader::load).orElseGet(TaxonomyLoader::loadDefault);
            return new TaxonomyClassifier(taxonomy, analysers);
        } catch (TaxonomyException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
