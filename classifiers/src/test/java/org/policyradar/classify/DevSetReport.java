package org.policyradar.classify;

import org.policyradar.taxonomy.TaxonomyLoader;

import java.nio.file.Path;

/**
 * Prints the evaluation report for a gold file with a chosen Chinese segmenter model, e.g. to compare
 * {@code ctb.small.gz} with {@code ctb.gz}: {@code DevSetReport GOLD.jsonl [MODEL] [TAXONOMY.yaml]}.
 */
public final class DevSetReport {
    public static void main(String[] args) throws Exception {
        TextAnalysers analysers = args.length > 1 ? new TextAnalysers(args[1]) : new TextAnalysers();
        var taxonomy = args.length > 2 ? TaxonomyLoader.load(Path.of(args[2])) : TaxonomyLoader.loadDefault();
        EvaluationReport report = new Evaluation(new TaxonomyClassifier(taxonomy, analysers)).evaluate(Evaluation.readGold(Path.of(args[0])));
        System.out.println(report.render());
    }
}
