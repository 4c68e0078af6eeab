package org.policyradar.app;

import java.nio.file.Path;
import java.util.Optional;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TaxonomyClassifier;
import org.policyradar.classify.TextAnalysers;
import org.policyradar.classify.learned.DecidingClassifier;
import org.policyradar.classify.learned.DecisionModel;
import org.policyradar.config.ConfigException;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TaxonomyLoader;

/**
 * Loads the classifier for the configured taxonomy (an analyst's file, or the built-in one): the taxonomy rules
 * generate the evidence and, when the build ships a trained decision model ({@code ./radar train}), that model
 * decides the report topics.
 */
public final class Classifiers {
    private Classifiers() {
    }

    public static ItemClassifier load(Optional<Path> taxonomyFile, TextAnalysers analysers) {
        Taxonomy taxonomy;
        try {
            taxonomy = taxonomyFile.map(TaxonomyLoader::load).orElseGet(TaxonomyLoader::loadDefault);
            TaxonomyClassifier rules = new TaxonomyClassifier(taxonomy, analysers);
            DecisionModel model = DecisionModel.loadShipped();
            return model == null ? rules : new DecidingClassifier(rules, model);
        } catch (TaxonomyException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
