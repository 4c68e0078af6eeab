package org.policyradar.classify.learned;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.TaxonomyLoader;

/**
 * The shipped decision model names the taxonomy's rules and topics in its features: after a taxonomy edit it must be
 * retrained. Runs without the shared corpus (the full check, retraining and comparing the file, is in
 * {@code DevSetEvaluationTest}).
 */
class ShippedDecisionModelTest {

    @Test
    void theShippedModelWasTrainedUnderTheCurrentTaxonomy() {
        DecisionModel shipped = DecisionModel.loadShipped();
        assertThat(shipped).as("decision-model.tsv on the class path").isNotNull();
        assertThat(shipped.meta().get(TrainingProvenance.TAXONOMY_KEY))
                .as("taxonomy.yaml changed since decision-model.tsv was trained: run ./radar train --gold "
                        + "../shared/corpus/labels/dev.jsonl from the repository root and commit the file")
                .isEqualTo(TrainingProvenance.taxonomyHash(TaxonomyLoader.loadDefault()));
        assertThat(shipped.meta()).containsKey(TrainingProvenance.GOLD_KEY);
    }

    @Test
    void theTaxonomyHashFollowsContentNotComments() {
        var taxonomy = TaxonomyLoader.loadDefault();
        var renamed = new org.policyradar.taxonomy.Taxonomy("elsewhere.yaml", taxonomy.version(), taxonomy.topics(),
                taxonomy.entities(), taxonomy.signals(), taxonomy.themes());
        var fewer = new org.policyradar.taxonomy.Taxonomy(taxonomy.source(), taxonomy.version(), taxonomy.topics().subList(1, taxonomy.topics().size()),
                taxonomy.entities(), taxonomy.signals(), taxonomy.themes());
        assertThat(TrainingProvenance.taxonomyHash(renamed)).isEqualTo(TrainingProvenance.taxonomyHash(taxonomy));
        assertThat(TrainingProvenance.taxonomyHash(fewer)).isNotEqualTo(TrainingProvenance.taxonomyHash(taxonomy));
    }
}
