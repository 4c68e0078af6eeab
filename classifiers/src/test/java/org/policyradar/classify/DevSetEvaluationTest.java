package org.policyradar.classify;

import org.junit.jupiter.api.Test;
import org.policyradar.classify.learned.DecisionModel;
import org.policyradar.classify.learned.DecisionTrainer;
import org.policyradar.classify.learned.TrainingProvenance;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.taxonomy.Taxonomy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression floors on the labelled dev set, cross-validated (5 folds grouped by source, seed 13): the decision
 * layer is refitted on each fold's training items, so no figure comes from an item the model was fitted on.
 * Skipped where the shared corpus is absent.
 */
class DevSetEvaluationTest {

    private static final class DevSet {
        static final List<GoldItem> GOLD;
        static final List<CrossValidation.Example> EXAMPLES;

        static {
            Path dev = SharedClassifier.sharedDir().map(d -> d.resolve("corpus/labels/dev.jsonl")).filter(Files::isRegularFile).orElse(null);
            try {
                GOLD = dev == null ? List.of() : Evaluation.readGold(dev);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            EXAMPLES = CrossValidation.examples(SharedClassifier.classifier(), GOLD);
        }
    }

    /** The model trained on the whole dev set under the built-in taxonomy, as {@code ./radar train} writes it. */
    private static final class Trained {
        static final String TSV;

        static {
            try {
                TSV = DevSet.GOLD.isEmpty() ? "" : text(new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT)
                        .train(DevSet.EXAMPLES).withMeta(TrainingProvenance.of(TaxonomyLoader.loadDefault(), devFile())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void theShippedModelIsWhatTrainingOnTheCurrentTaxonomyAndDevSetGives() throws Exception {
        SharedClassifier.devSet();
        DecisionModel shipped = DecisionModel.loadShipped();
        String retrain = "the shipped decision-model.tsv is stale: run ./radar train --gold ../shared/corpus/labels/dev.jsonl "
                + "from the repository root and commit the file";
        assertThat(shipped.meta()).as("trained on the current dev set; " + retrain)
                .containsEntry(TrainingProvenance.GOLD_KEY, TrainingProvenance.of(TaxonomyLoader.loadDefault(), devFile()).get(TrainingProvenance.GOLD_KEY));
        assertThat(text(shipped)).as(retrain).isEqualTo(Trained.TSV);
    }

    @Test
    void crossValidatedFiguresStayAboveTheirFloors() {
        SharedClassifier.devSet();
        CrossValidation cv = new CrossValidation(5, 13);
        EvaluationReport rules = new Evaluation().evaluate(DevSet.GOLD, cv.predict(DevSet.EXAMPLES, CrossValidation.RULES_ONLY));
        EvaluationReport learned = new Evaluation().evaluate(DevSet.GOLD, cv.predict(DevSet.EXAMPLES,
                new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).learner()));
        System.out.println(learned.render().split("\nErrors")[0]);

        assertThat(DevSet.GOLD).hasSize(1106);
        // the rules learn nothing, so their cross-validated figure is the plain one; measured 0.866 on 2026-12-02
        // (hand-tuned on the first 416 of these items, hence optimistic)
        assertThat(rules.macroF1()).as("rules macro F1").isGreaterThanOrEqualTo(0.855);
        // floors a little under what the decision layer measured cross-validated on the 1,106 dev items on
        // 2026-12-02 (macro 0.870, en 0.895, zh 0.849, micro 0.873), so that real regressions fail
        assertThat(learned.macroF1()).as("macro F1, all languages").isGreaterThanOrEqualTo(0.86);
        assertThat(learned.macroF1("en")).as("macro F1, English").isGreaterThanOrEqualTo(0.88);
        assertThat(learned.macroF1("zh")).as("macro F1, Chinese").isGreaterThanOrEqualTo(0.835);
        assertThat(learned.micro().f1()).as("micro F1").isGreaterThanOrEqualTo(0.86);
    }

    @Test
    void trainingOnTheDevSetTwiceGivesIdenticalParameters() throws Exception {
        SharedClassifier.devSet();
        String first = Trained.TSV;
        String second = text(new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).train(DevSet.EXAMPLES)
                .withMeta(TrainingProvenance.of(TaxonomyLoader.loadDefault(), devFile())));
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("threshold\tquantum\t").contains("meta\titems\t1106");
    }

    private static Path devFile() {
        return SharedClassifier.sharedDir().orElseThrow().resolve("corpus/labels/dev.jsonl");
    }

    private static String text(DecisionModel m) throws java.io.IOException {
        StringWriter w = new StringWriter();
        m.write(w);
        return w.toString();
    }
}
