package org.policyradar.classify.learned;

import org.policyradar.classify.CrossValidation;
import org.policyradar.classify.GroupedFolds;
import org.policyradar.classify.SourceGroups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Trains the decision layer from labelled items: per topic, a logistic regression on all of them, with the
 * probability threshold chosen on out-of-fold probabilities of an inner cross-validation grouped by source over the
 * same items (never on anything a caller holds out). Deterministic: same items, same order, same parameters give
 * the same weights.
 */
public final class DecisionTrainer {

    /**
     * @param exclude regular expression of feature names not to learn from (empty: use all), for ablations
     */
    public record Settings(double sigma, int minCount, int innerFolds, long seed, double minThreshold, String exclude) {
        public static final Settings DEFAULT = new Settings(1.0, 2, 3, 13, 0.3, "(w:|tw:)");
    }

    private final List<String> topics;
    private final Settings settings;
    private final LogisticTrainer trainer;
    private final Function<CrossValidation.Example, Map<String, Double>> features;

    public DecisionTrainer(List<String> topics, Settings settings) {
        this(topics, settings, e -> RelevanceFeatures.of(e.gold().toTextItem(), e.rules()));
    }

    /** @param features what the layer learns from per item: {@link RelevanceFeatures}, or a candidate's extension of them */
    public DecisionTrainer(List<String> topics, Settings settings, Function<CrossValidation.Example, Map<String, Double>> features) {
        this.topics = List.copyOf(topics);
        this.settings = settings;
        this.trainer = new LogisticTrainer(settings.sigma(), settings.minCount(), settings.exclude());
        this.features = features;
    }

    public DecisionModel train(List<CrossValidation.Example> examples) {
        List<Map<String, Double>> features = examples.stream().map(this.features).toList();
        Map<String, double[]> thresholds = innerThresholds(examples, features);
        Map<String, TopicModel> models = new ConcurrentHashMap<>();
        topics.parallelStream().forEach(t -> models.put(t, new TopicModel(t, trainer.train(features, labels(examples, t)), thresholds.get(t)[0], thresholds.get(t)[1])));
        Map<String, TopicModel> ordered = new LinkedHashMap<>();
        topics.forEach(t -> ordered.put(t, models.get(t)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("items", String.valueOf(examples.size()));
        meta.put("settings", String.format(Locale.ROOT, "sigma=%s minCount=%d innerFolds=%d seed=%d minThreshold=%s exclude=%s",
                settings.sigma(), settings.minCount(), settings.innerFolds(), settings.seed(), settings.minThreshold(), settings.exclude()));
        return new DecisionModel(ordered, meta);
    }

    /** A learner for {@link CrossValidation}: trains on the training folds, decides the held-out ones. */
    public CrossValidation.Learner learner() {
        return training -> {
            DecisionModel model = train(training);
            return e -> DecidingClassifier.decide(model, e.rules(), features.apply(e));
        };
    }

    private Map<String, double[]> innerThresholds(List<CrossValidation.Example> examples, List<Map<String, Double>> features) {
        double[][] oof = new double[topics.size()][examples.size()];
        List<List<Integer>> folds = GroupedFolds.split(examples, e -> SourceGroups.of(e.gold()), settings.innerFolds(), settings.seed());
        for (List<Integer> fold : folds) {
            boolean[] held = new boolean[examples.size()];
            fold.forEach(i -> held[i] = true);
            List<Map<String, Double>> trainFeatures = new ArrayList<>();
            List<CrossValidation.Example> trainExamples = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (held[i]) continue;
                trainFeatures.add(features.get(i));
                trainExamples.add(examples.get(i));
            }
            java.util.stream.IntStream.range(0, topics.size()).parallel().forEach(t -> {
                TopicModel m = new TopicModel(topics.get(t), trainer.train(trainFeatures, labels(trainExamples, topics.get(t))), 0.5, 0.5);
                for (int i : fold) oof[t][i] = m.probability(features.get(i));
            });
        }
        Map<String, double[]> thresholds = new LinkedHashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            String topic = topics.get(t);
            boolean[] byRules = new boolean[examples.size()];
            for (int i = 0; i < byRules.length; i++) byRules[i] = examples.get(i).rules().topics().contains(topic);
            thresholds.put(topic, bestThresholds(oof[t], byRules, labels(examples, topic)));
        }
        return thresholds;
    }

    private static final double[] KEEP = {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6};
    private static final double[] RAISE = {1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3};

    /**
     * {keep, raise} with the best F1 on out-of-fold probabilities; on ties the pair closest to the rules alone
     * (lowest keep, highest raise) wins, so the model overrules the rules only where that measurably helps.
     */
    double[] bestThresholds(double[] probabilities, boolean[] byRules, boolean[] labels) {
        double[] best = {0, 1.01};
        double bestF1 = -1;
        for (double keep : KEEP) {
            for (double raise : RAISE) {
                if (raise < settings.minThreshold()) continue;
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < labels.length; i++) {
                    boolean p = byRules[i] ? probabilities[i] >= keep : probabilities[i] >= raise;
                    if (p && labels[i]) tp++;
                    else if (p) fp++;
                    else if (labels[i]) fn++;
                }
                double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    best = new double[]{keep, raise};
                }
            }
        }
        return best;
    }

    static boolean[] labels(List<CrossValidation.Example> examples, String topic) {
        boolean[] y = new boolean[examples.size()];
        for (int i = 0; i < y.length; i++) y[i] = examples.get(i).gold().topics().contains(topic);
        return y;
    }
}
