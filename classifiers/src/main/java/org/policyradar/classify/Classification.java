package org.policyradar.classify;

import java.util.List;
import java.util.Map;

/**
 * What the classifier says about one item.
 *
 * @param lang      detected (or confirmed) language, e.g. {@code en}, {@code zh}, {@code zh-Hant}, {@code de}
 * @param topics    topic ids whose score reached the threshold, highest score first
 * @param scores    topic id to calibrated score in [0,1] for every topic with any evidence
 * @param evidence  topic id to the matches behind its score (every topic in {@code topics} has at least one)
 * @param entities  actors and instruments mentioned
 * @param signals   tracked signals and numeric mentions
 * @param tokens    the analysed text per field ({@code title}, {@code body}): CoreNLP tokens (lower-cased
 *                  English words, Chinese segments) joined by single spaces, for whitespace-analysed search fields
 */
public record Classification(String lang,
                             List<String> topics,
                             Map<String, Double> scores,
                             Map<String, List<Evidence>> evidence,
                             List<EntityMention> entities,
                             List<Signal> signals,
                             Map<String, String> tokens) {
    public Classification {
        topics = List.copyOf(topics);
        scores = Map.copyOf(scores);
        evidence = Map.copyOf(evidence);
        entities = List.copyOf(entities);
        signals = List.copyOf(signals);
        tokens = Map.copyOf(tokens);
    }
}
