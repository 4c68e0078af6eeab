package org.policyradar.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * k-fold cross-validation grouped by source ({@link SourceGroups}, {@link GroupedFolds}): whatever is learned is
 * fitted on the training folds only and decides the items of the held-out fold, so every item's prediction comes
 * from a model that never saw the item nor any other item of its source.
 */
public final class CrossValidation {

    /** A gold item with what the taxonomy rules made of it (the evidence a learned layer decides from). */
    public record Example(GoldItem gold, Classification rules) {
    }

    /** Fits on training examples; the returned function decides an unseen example. */
    @FunctionalInterface
    public interface Learner {
        Function<Example, Classification> fit(List<Example> training);
    }

    /** The rules alone: nothing is learned, so the cross-validated figure equals the plain one. */
    public static final Learner RULES_ONLY = training -> Example::rules;

    /** Each gold item with what {@code rules} makes of it (classified in parallel), in the order of {@code gold}. */
    public static List<Example> examples(ItemClassifier rules, List<GoldItem> gold) {
        List<Classification> byRules = Evaluation.classifyAll(rules, gold);
        List<Example> out = new ArrayList<>(gold.size());
        for (int i = 0; i < gold.size(); i++) out.add(new Example(gold.get(i), byRules.get(i)));
        return out;
    }

    private final int folds;
    private final long seed;

    public CrossValidation(int folds, long seed) {
        if (folds < 2) throw new IllegalArgumentException("--cv: at least 2 folds, got " + folds);
        this.folds = folds;
        this.seed = seed;
    }

    public List<List<Integer>> split(List<Example> examples) {
        return GroupedFolds.split(examples, e -> SourceGroups.of(e.gold()), folds, seed);
    }

    /** Held-out predictions for every example, in the order of {@code examples}. */
    public List<Classification> predict(List<Example> examples, Learner learner) {
        List<List<Integer>> split = split(examples);
        Classification[] out = new Classification[examples.size()];
        // folds are independent, so running them in parallel changes nothing but the wall-clock time
        IntStream.range(0, split.size()).parallel().forEach(f -> {
            boolean[] test = new boolean[examples.size()];
            split.get(f).forEach(i -> test[i] = true);
            List<Example> training = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) if (!test[i]) training.add(examples.get(i));
            Function<Example, Classification> decide = learner.fit(training);
            for (int i : split.get(f)) out[i] = decide.apply(examples.get(i));
        });
        return Arrays.asList(out);
    }

    public int folds() {
        return folds;
    }

    public long seed() {
        return seed;
    }
}
