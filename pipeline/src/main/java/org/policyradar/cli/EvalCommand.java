package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.classify.CrossValidation;
import org.policyradar.classify.Evaluation;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.learned.DecidingClassifier;
import org.policyradar.classify.learned.DecisionTrainer;
import org.policyradar.taxonomy.Taxonomy;
import java.util.Locale;
import org.policyradar.classify.EvaluationReport;
import org.policyradar.classify.GoldItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar eval --gold FILE}: precision, recall and F1 of the classifier against labelled items. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Classify gold-labelled JSON lines (id, title, summary, optional text, lang, topics) and print "
                + "precision, recall and F1 per topic, micro and macro, per language, and the confusions with their evidence.",
                "With --min-macro-f1 the exit code is 4 when macro-F1 falls below it (a regression floor for CI)."})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Labelled items, one JSON object per line.")
    Path gold;

    @Option(names = "--min-macro-f1", paramLabel = "F1", description = "Fail (exit 4) below this macro-F1 over the six topics.")
    Double minMacroF1;

    @Option(names = "--cv", paramLabel = "K", description = "k-fold cross-validation grouped by source (the item's link "
            + "domain, else its source name): whatever is learned is fitted on k-1 folds and scored on the held-out one.")
    Integer cvFolds;

    @Option(names = "--rules-only", description = "With --cv: evaluate the taxonomy rules without the learned decision layer.")
    boolean rulesOnly;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "13", description = "Seed of the fold split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        List<GoldItem> items = readGoldOrFail(gold);
        try (Radar radar = options.open()) {
            EvaluationReport report;
            PrintWriter out = options.out();
            if (cvFolds == null) {
                if (radar.classifier() instanceof DecidingClassifier) {
                    out.println("Note: the shipped decision model was trained on dev.jsonl; on those items this is a "
                            + "training-set figure. Use --cv 5 for the honest one.");
                }
                report = new Evaluation(radar.classifier()).evaluate(items);
            } else {
                report = crossValidated(radar.classifier(), items, out);
            }
            out.println(report.render());
            out.flush();
            if (minMacroF1 != null && report.macroF1() < minMacroF1) {
                options.err().printf("radar eval: macro-F1 %.3f is below the floor %.3f%n", report.macroF1(), minMacroF1);
                return 4;
            }
            return 0;
        }
    }

    static List<GoldItem> readGoldOrFail(Path gold) {
        if (!Files.isRegularFile(gold)) {
            throw new UserException("--gold: " + gold + " is not a file");
        }
        try {
            return Evaluation.readGold(gold);
        } catch (IOException | RuntimeException e) {
            throw new UserException("--gold: " + gold + ": " + e.getMessage());
        }
    }

    private EvaluationReport crossValidated(ItemClassifier classifier, List<GoldItem> items, PrintWriter out) {
        CrossValidation cv;
        try {
            cv = new CrossValidation(cvFolds, seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        // the rules are the evidence generator; what is learned is refitted on each fold's training items
        List<CrossValidation.Example> examples = CrossValidation.examples(DecidingClassifier.rulesOf(classifier), items);
        boolean learned = !rulesOnly && classifier instanceof DecidingClassifier;
        try {
            EvaluationReport byRules = new Evaluation().evaluate(items, cv.predict(examples, CrossValidation.RULES_ONLY));
            if (!learned) {
                out.printf("Cross-validated: %d folds grouped by source, seed %d, taxonomy rules only (nothing learned)%n", cvFolds, seed);
                return byRules;
            }
            long start = System.nanoTime();
            DecisionTrainer trainer = new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT);
            EvaluationReport report = new Evaluation().evaluate(items, cv.predict(examples, trainer.learner()));
            out.printf(Locale.ROOT, "Cross-validated: %d folds grouped by source, seed %d, decision layer retrained on each fold's "
                    + "training items (%.1f s); rules alone on the same folds: macro-F1 %.3f, zh %.3f%n", cvFolds, seed,
                    (System.nanoTime() - start) / 1e9, byRules.macroF1(), byRules.macroF1("zh"));
            return report;
        } catch (IllegalArgumentException e) {
            throw new UserException("--cv " + cvFolds + ": " + e.getMessage());
        }
    }
}
