package org.policyradar.classify.learned;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One topic's decision: a logistic regression over {@link RelevanceFeatures} and two probabilities, both chosen by
 * inner cross-validation on the training data: a topic the rules assigned is kept unless the model's probability
 * falls below {@code keep} (a passing word), a topic the rules did not assign is raised when it reaches
 * {@code raise} (the model is confident without the keywords). {@code keep = 0} and {@code raise > 1} is the rules.
 *
 * @param weights feature name to weight (features absent here weigh 0)
 */
public record TopicModel(String topic, Map<String, Double> weights, double keep, double raise) {

    /** Whether the item is about the topic, given the model's probability and the rules' decision. */
    public boolean assigned(double probability, boolean byRules) {
        return byRules ? probability >= keep : probability >= raise;
    }

    /** The probability from which this item would be assigned. */
    public double threshold(boolean byRules) {
        return byRules ? keep : raise;
    }


    public TopicModel {
        weights = Map.copyOf(weights);
    }

    public double probability(Map<String, Double> features) {
        return sigmoid(logit(features));
    }

    double logit(Map<String, Double> features) {
        double z = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            Double w = weights.get(f.getKey());
            if (w != null) z += w * f.getValue();
        }
        return z;
    }

    /** The features that pushed this item's probability most, as {@code name +weight}, strongest first. */
    public List<String> strongest(Map<String, Double> features, int n) {
        List<Map.Entry<String, Double>> contributions = new ArrayList<>();
        for (Map.Entry<String, Double> f : features.entrySet()) {
            Double w = weights.get(f.getKey());
            if (w != null && !f.getKey().equals("bias")) contributions.add(Map.entry(f.getKey(), w * f.getValue()));
        }
        contributions.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        return contributions.stream().limit(n).filter(e -> e.getValue() > 0)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %+.2f", e.getKey(), e.getValue())).toList();
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
