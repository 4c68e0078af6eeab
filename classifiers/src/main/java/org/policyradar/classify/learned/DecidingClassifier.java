package org.policyradar.classify.learned;

import org.policyradar.classify.Classification;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TaxonomyClassifier;
import org.policyradar.classify.TextItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The taxonomy rules as evidence generator, a learned model as the judge: the rules match terms with offsets; for
 * each topic the {@link DecisionModel} has a model for, that model decides from the whole item
 * ({@link RelevanceFeatures}) whether the item is about the topic. It can drop a topic the rules assigned (a
 * passing word) and raise one with weak or no keyword evidence. For those topics {@code scores} holds the model's
 * probability and the evidence list ends with one entry of field {@code model}: term {@code model: 0.93}, rule
 * naming the threshold and the strongest features. Other topics (the taxonomy's further themes) keep the rules'
 * decision and score, and come after the model's topics in {@code topics}.
 */
public final class DecidingClassifier implements ItemClassifier {

    private static final int STRONGEST = 5;

    private final TaxonomyClassifier rules;
    private final DecisionModel model;
    private final String version;

    public DecidingClassifier(TaxonomyClassifier rules, DecisionModel model) {
        this.rules = rules;
        this.model = model;
        this.version = rules.version() + "-" + hash(model);
    }

    public TaxonomyClassifier rules() {
        return rules;
    }

    /** The evidence generator behind a classifier: its rules if it is a deciding one, else the classifier itself. */
    public static ItemClassifier rulesOf(ItemClassifier classifier) {
        return classifier instanceof DecidingClassifier d ? d.rules : classifier;
    }

    public DecisionModel model() {
        return model;
    }

    @Override
    public Classification classify(TextItem item) {
        return decide(model, item, rules.classify(item));
    }

    @Override
    public String analyze(String text, String lang) {
        return rules.analyze(text, lang);
    }

    @Override
    public String version() {
        return version;
    }

    /** Applies the model to what the rules made of an item. */
    public static Classification decide(DecisionModel model, TextItem item, Classification byRules) {
        return decide(model, byRules, RelevanceFeatures.of(item, byRules));
    }

    /** Applies the model to an item's features (a candidate's own, e.g. with sentence embeddings added). */
    public static Classification decide(DecisionModel model, Classification byRules, Map<String, Double> features) {
        Map<String, Double> scores = new HashMap<>(byRules.scores());
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>(byRules.evidence());
        List<String> topics = new ArrayList<>();
        for (String t : byRules.topics()) if (!model.topics().containsKey(t)) topics.add(t);
        for (TopicModel m : model.topics().values()) {
            double p = m.probability(features);
            boolean byRule = byRules.topics().contains(m.topic());
            boolean assigned = m.assigned(p, byRule);
            if (!assigned && !byRules.scores().containsKey(m.topic())) continue;
            scores.put(m.topic(), Math.round(p * 1000) / 1000.0);
            List<Evidence> list = new ArrayList<>(byRules.evidence().getOrDefault(m.topic(), List.of()));
            String why = String.format(Locale.ROOT, "model: p=%.2f, %s from %.2f; strongest: %s", p,
                    byRule ? "rules assigned it, kept" : "rules did not assign it, raised", m.threshold(byRule),
                    String.join(", ", m.strongest(features, STRONGEST)));
            list.add(new Evidence(m.topic(), String.format(Locale.ROOT, "model: %.2f", p), why, "model", 0, 0, 0.0));
            evidence.put(m.topic(), List.copyOf(list));
            if (assigned) topics.add(m.topic());
        }
        // the model's topics first, by probability; then the further themes by rule score (another scale)
        topics.sort(Comparator.comparing((String t) -> !model.topics().containsKey(t))
                .thenComparing(Comparator.comparingDouble((String t) -> scores.getOrDefault(t, 0.0)).reversed())
                .thenComparing(t -> t));
        return new Classification(byRules.lang(), topics, scores, evidence, byRules.entities(), byRules.signals(), byRules.tokens());
    }

    private static String hash(DecisionModel model) {
        try {
            StringWriter w = new StringWriter();
            model.write(w);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(w.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("hashing an in-memory model cannot fail", e);
        }
    }
}
