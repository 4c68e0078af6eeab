package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.classify.CrossValidation;
import org.policyradar.classify.GoldItem;
import org.policyradar.classify.learned.DecidingClassifier;
import org.policyradar.classify.learned.DecisionModel;
import org.policyradar.classify.learned.DecisionTrainer;
import org.policyradar.classify.learned.TrainingProvenance;
import org.policyradar.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar train --gold FILE}: fits the decision layer over the taxonomy's evidence and writes its weights. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Classify gold-labelled JSON lines with the taxonomy rules, fit the per-topic decision layer "
                + "(logistic regression, thresholds by inner cross-validation grouped by source, fixed seed) and write it "
                + "as TSV. The build ships the file written to the default --out; rebuild to use a new one."})
final class TrainCommand implements Callable<Integer> {
    static final Path DEFAULT_OUT = Path.of("classifiers/src/main/resources" + DecisionModel.RESOURCE);

    @Mixin
    CommonOptions options;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Labelled items, one JSON object per line.")
    Path gold;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: ${DEFAULT-VALUE}, run from the repository root).")
    Path out = DEFAULT_OUT;

    @Override
    public Integer call() throws IOException {
        List<GoldItem> items = EvalCommand.readGoldOrFail(gold);
        try (Radar radar = options.open()) {
            List<CrossValidation.Example> examples = CrossValidation.examples(DecidingClassifier.rulesOf(radar.classifier()), items);
            DecisionModel model;
            try {
                model = new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).train(examples)
                        .withMeta(TrainingProvenance.of(radar.taxonomy(), gold));
            } catch (IllegalArgumentException e) {
                throw new UserException("--gold: " + gold + ": cannot train: " + e.getMessage());
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                model.write(w);
            }
            PrintWriter console = options.out();
            console.printf("trained on %d items: %s -> %s (%d bytes)%n", items.size(), model.meta().get("settings"), out, Files.size(out));
            model.topics().values().forEach(t -> console.printf("  %-13s keep>=%.2f raise>=%.2f features=%d%n", t.topic(), t.keep(), t.raise(), t.weights().size()));
            return 0;
        }
    }
}
