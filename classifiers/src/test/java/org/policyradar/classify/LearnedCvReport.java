package org.policyradar.classify;

import org.policyradar.classify.learned.DecisionTrainer;
import org.policyradar.taxonomy.Taxonomy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development aid: {@code LearnedCvReport GOLD.jsonl [sigma] [minCount] [minThreshold]} prints rules-only and learned CV reports. */
public final class LearnedCvReport {
    public static void main(String[] args) throws Exception {
        List<GoldItem> gold = Evaluation.readGold(Path.of(args[0]));
        long t0 = System.nanoTime();
        List<CrossValidation.Example> ex = CrossValidation.examples(SharedClassifier.classifier(), gold);
        long t1 = System.nanoTime();
        var shipped = org.policyradar.classify.learned.DecisionModel.loadShipped();
        for (int rep = 0; rep < 6; rep++) {
            long d0 = System.nanoTime();
            for (CrossValidation.Example e : ex) org.policyradar.classify.learned.DecidingClassifier.decide(shipped, e.gold().toTextItem(), e.rules());
            long d1 = System.nanoTime();
            long r0n = System.nanoTime();
            for (int i = 0; i < 200; i++) SharedClassifier.classifier().classify(gold.get(i).toTextItem());
            long r1n = System.nanoTime();
            System.out.printf("decision layer alone: %.1f us/item (1 thread, %d dev items); rules: %.1f us/item (1 thread, first 200 dev items)%n",
                    (d1 - d0) / 1e3 / ex.size(), ex.size(), (r1n - r0n) / 1e3 / 200);
        }
        CrossValidation cv = new CrossValidation(5, 13);
        EvaluationReport r0 = new Evaluation().evaluate(gold, cv.predict(ex, CrossValidation.RULES_ONLY));
        System.out.println(r0.render().split("\nErrors")[0].split("\n\\[de")[0]);
        for (int k = 1; k < args.length; k++) {
            String[] p = args[k].split(",", 4);
            var s = new DecisionTrainer.Settings(Double.parseDouble(p[0]), Integer.parseInt(p[1]), 3, 13, Double.parseDouble(p[2]), p.length > 3 ? p[3] : "");
            long t1b = System.nanoTime();
            EvaluationReport r1 = new Evaluation().evaluate(gold, cv.predict(ex, new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, s).learner()));
            long t2 = System.nanoTime();
            if (args.length == 2) System.out.println(r1.render().split("\nErrors")[0]);
            StringBuilder pt = new StringBuilder();
            for (String t : Taxonomy.EVALUATED_TOPICS) { Counts c = r1.overall().get(t); pt.append(String.format(" %s %.2f/%.2f", t, c.precision(), c.recall())); }
            System.out.printf("%s: macro %.3f en %.3f zh %.3f de %.3f fr %.3f micro %.3f |%s | cv %ds%n", args[k],
                    r1.macroF1(), r1.macroF1("en"), r1.macroF1("zh"), r1.macroF1("de"), r1.macroF1("fr"), r1.micro().f1(), pt,
                    (t2 - t1b) / 1_000_000_000);
        }
        System.out.printf("rules macro %.3f zh %.3f classify %ds%n", r0.macroF1(), r0.macroF1("zh"), (t1 - t0) / 1_000_000_000);
    }
}
