package org.policyradar.classify.learned;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * L2-regularised logistic regression for one topic with CoreNLP's {@link LinearClassifierFactory} (quasi-Newton,
 * deterministic for the same data in the same order). Features seen in fewer than {@code minCount} training items
 * are dropped (they cannot generalise and would bloat the stored weights); weights are rounded to
 * {@value #DECIMALS} decimals (and those under {@value #MIN_WEIGHT} dropped) so the stored model is what the training computed, byte for byte.
 */
final class LogisticTrainer {

    private static final String YES = "1";
    private static final String NO = "0";
    static final int DECIMALS = 4;
    static final double MIN_WEIGHT = 0.005;
    private static final double SCALE = Math.pow(10, DECIMALS);

    private final double sigma;
    private final int minCount;

    private final java.util.regex.Pattern exclude;

    LogisticTrainer(double sigma, int minCount, String exclude) {
        this.sigma = sigma;
        this.minCount = minCount;
        this.exclude = exclude == null || exclude.isEmpty() ? null : java.util.regex.Pattern.compile(exclude);
    }

    /** Weights per feature for {@code labels[i]} given {@code features.get(i)}. */
    Map<String, Double> train(List<Map<String, Double>> features, boolean[] labels) {
        int positives = 0;
        for (boolean l : labels) if (l) positives++;
        if (positives == 0 || positives == labels.length) {
            // one class only (a topic absent from these folds): a constant model, no optimisation to run
            return Map.of("bias", positives == 0 ? -10.0 : 10.0);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Double> f : features) f.keySet().forEach(k -> counts.merge(k, 1, Integer::sum));
        if (exclude != null) counts.keySet().removeIf(k -> exclude.matcher(k).lookingAt());
        RVFDataset<String, String> data = new RVFDataset<>();
        for (int i = 0; i < features.size(); i++) {
            Counter<String> c = new ClassicCounter<>();
            // sorted insertion: the feature index, hence the optimisation, does not depend on hash order
            for (Map.Entry<String, Double> e : new TreeMap<>(features.get(i)).entrySet()) {
                if (counts.getOrDefault(e.getKey(), 0) >= minCount) c.setCount(e.getKey(), e.getValue());
            }
            data.add(new RVFDatum<>(c, labels[i] ? YES : NO));
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        factory.setTol(1e-4);
        LinearClassifier<String, String> model = factory.trainClassifier(data);
        Map<String, Counter<String>> w = model.weightsAsMapOfCounters();
        Counter<String> yes = w.getOrDefault(YES, new ClassicCounter<>());
        Counter<String> no = w.getOrDefault(NO, new ClassicCounter<>());
        Map<String, Double> weights = new TreeMap<>();
        for (String feature : data.featureIndex()) {
            double d = Math.round((yes.getCount(feature) - no.getCount(feature)) * SCALE) / SCALE;
            // L2 leaves thousands of near-zero weights: dropping them shrinks the stored model by half, changes no decision measurably
            if (Math.abs(d) >= MIN_WEIGHT) weights.put(feature, d);
        }
        return weights;
    }
}
