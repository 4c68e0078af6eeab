package org.policyradar.app;

import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TaxonomyClassifier;
import org.policyradar.classify.TextAnalysers;
import org.policyradar.classify.learned.DecidingClassifier;
import org.policyradar.classify.learned.DecisionModel;
import org.policyradar.taxonomy.Taxonomy;

/**
 * The classifier for a taxonomy: the taxonomy rules generate the evidence and, when the build ships a trained
 * decision model ({@code ./radar train}), that model decides the report topics.
 */
final class Classifiers {
    private Classifiers() {
    }

    static ItemClassifier load(Taxonomy taxonomy, TextAnalysers analysers) {
        TaxonomyClassifier rules = new TaxonomyClassifier(taxonomy, analysers);
        DecisionModel model = DecisionModel.loadShipped();
        return model == null ? rules : new DecidingClassifier(rules, model);
    }
}
