package org.policyradar.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyradar.classify.learned.DecisionTrainer;
import org.policyradar.taxonomy.Taxonomy;

/**
 * Development aid, not run by the suite: would training the decision layer on the report's topic paragraphs too raise
 * "ranked first" honestly? The 51 paragraphs join the dev set as gold items labelled with their section's topic, each
 * section its own source group, and the same 5-fold grouped cross-validation (seed 13) predicts every paragraph from
 * a model that saw no paragraph of its section. {@code ReportParagraphsCv DEV.jsonl REPORT.txt}
 */
public final class ReportParagraphsCv {
    public static void main(String[] args) throws Exception {
        List<GoldItem> dev = Evaluation.readGold(Path.of(args[0]));
        List<ReportParagraphs> paragraphs = ReportParagraphs.read(Path.of(args[1]));
        List<GoldItem> all = new ArrayList<>(dev);
        for (int i = 0; i < paragraphs.size(); i++) {
            ReportParagraphs p = paragraphs.get(i);
            all.add(new GoldItem("report-" + i, "", p.text(), null, "en", List.of(p.topic()), "MERICS report section " + p.topic(), null));
        }
        List<CrossValidation.Example> examples = CrossValidation.examples(SharedClassifier.classifier(), all);
        CrossValidation cv = new CrossValidation(5, 13);
        report("rules only", dev, paragraphs, cv.predict(examples, CrossValidation.RULES_ONLY));
        report("layer trained on dev only (as shipped)", dev, paragraphs,
                cv.predict(examples.subList(0, dev.size()), new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).learner()),
                examples, cv);
        report("layer trained on dev + paragraphs", dev, paragraphs,
                cv.predict(examples, new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).learner()));
        System.exit(0);
    }

    /** Dev-only training: the dev items' CV predictions; each paragraph decided by the model fit on all dev items. */
    private static void report(String name, List<GoldItem> dev, List<ReportParagraphs> paragraphs, List<Classification> devPredicted,
                               List<CrossValidation.Example> examples, CrossValidation cv) {
        var model = new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).train(examples.subList(0, dev.size()));
        List<Classification> all = new ArrayList<>(devPredicted);
        for (CrossValidation.Example e : examples.subList(dev.size(), examples.size())) {
            all.add(org.policyradar.classify.learned.DecidingClassifier.decide(model, e.gold().toTextItem(), e.rules()));
        }
        report(name, dev, paragraphs, all);
    }

    private static void report(String name, List<GoldItem> dev, List<ReportParagraphs> paragraphs, List<Classification> predicted) {
        EvaluationReport r = new Evaluation().evaluate(dev, predicted.subList(0, dev.size()));
        int found = 0;
        int first = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            List<String> topics = predicted.get(dev.size() + i).topics().stream().filter(Taxonomy.EVALUATED_TOPICS::contains).toList();
            String own = paragraphs.get(i).topic();
            if (topics.contains(own)) found++;
            if (!topics.isEmpty() && topics.getFirst().equals(own)) first++;
        }
        System.out.printf("%s: dev macro %.3f zh %.3f micro %.3f | report paragraphs %d: own topic found %d, ranked first %d%n",
                name, r.macroF1(), r.macroF1("zh"), r.micro().f1(), paragraphs.size(), found, first);
    }
}
