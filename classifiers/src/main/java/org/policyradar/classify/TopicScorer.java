package org.policyradar.classify;

import org.policyradar.taxonomy.Entity;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.Topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns matches into calibrated topic scores with evidence.
 *
 * <p>Raw score: sum of evidence weights. A title match weighs {@code titleBoost} times a body match (titles state
 * what an item is about; bodies mention things in passing). The k-th repetition of the same rule counts
 * {@code 0.5^k} (repetition is weaker evidence than variety). A match contained in a longer match of the same
 * topic is dropped (统一社会信用代码 is not also 社会信用). A negative that overlaps a positive match cancels it;
 * a negative elsewhere subtracts half its weight. Entity mentions add the weight their taxonomy entry gives the
 * topic. A subtopic's evidence also counts for its parent.
 *
 * <p>Two rules keep "a word alone is not a topic": (1) supporting terms (weight below {@value #ANCHOR_WEIGHT})
 * only add to a topic that also has an anchor term; (2) body evidence is scaled by {@code min(1, sqrt(R/n))} where n
 * is the body length in tokens and R = {@value #BODY_REFERENCE_TOKENS}: a term mentioned once in a long transcript is
 * a passing mention, the same term in a two-sentence summary is what the item is about.
 *
 * <p>Score: {@code 1 - exp(-raw)}, so it lies in [0,1) and reads as "evidence saturation": one unambiguous body
 * term (weight 1) gives 0.63, the same term in the title 0.86, a passing mention of a core term (0.6) 0.45. The
 * default threshold 0.5 therefore means "at least one unambiguous term, or a core term in the title or twice".
 */
final class TopicScorer {

    static final double DEFAULT_TITLE_BOOST = 2.0;
    static final double DEFAULT_THRESHOLD = 0.5;
    private static final double REPEAT_DECAY = 0.5;
    private static final double UNUSED_NEGATIVE_FACTOR = 0.5;
    static final double ANCHOR_WEIGHT = 0.5;
    static final int BODY_REFERENCE_TOKENS = 80;

    record Result(List<String> topics, Map<String, Double> scores, Map<String, List<Evidence>> evidence) {
    }

    private record Candidate(String topic, Match match, double weight, FieldMatches field, String rule) {
    }

    private final Map<String, Topic> topics;
    private final Map<String, Entity> entities = new HashMap<>();
    private final Map<String, List<String>> selfAndAncestors = new HashMap<>();
    private final double titleBoost;
    private final double defaultThreshold;

    TopicScorer(Taxonomy taxonomy, double titleBoost, double defaultThreshold) {
        this.topics = taxonomy.topicsById();
        taxonomy.entities().forEach(e -> entities.put(e.id(), e));
        for (Topic t : taxonomy.topics()) {
            List<String> chain = new ArrayList<>();
            for (Topic cur = t; cur != null && !chain.contains(cur.id()); cur = cur.parent() == null ? null : topics.get(cur.parent())) {
                chain.add(cur.id());
            }
            selfAndAncestors.put(t.id(), List.copyOf(chain));
        }
        this.titleBoost = titleBoost;
        this.defaultThreshold = defaultThreshold;
    }

    /** Body length factor: 1 up to the reference length, then falling with the square root of the length. */
    static double bodyFactor(int bodyTokens) {
        return bodyTokens <= BODY_REFERENCE_TOKENS ? 1.0 : Math.sqrt((double) BODY_REFERENCE_TOKENS / bodyTokens);
    }

    Result score(List<FieldMatches> fields, int bodyTokens) {
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Double> raw = new HashMap<>();
        Map<String, Integer> repeats = new HashMap<>();
        java.util.Set<String> anchored = new java.util.HashSet<>();
        double bodyFactor = bodyFactor(bodyTokens);
        for (FieldMatches field : fields) {
            double boost = field.isTitle() ? titleBoost : bodyFactor;
            List<Candidate> positives = new ArrayList<>();
            List<Candidate> negatives = new ArrayList<>();
            for (Match m : field.matches()) {
                Rule r = m.rule();
                if (r.kind() == Rule.Kind.TOPIC) {
                    for (String topic : selfAndAncestors.getOrDefault(r.targetId(), List.of())) {
                        (r.negative() ? negatives : positives).add(new Candidate(topic, m, r.weight(), field, r.label()));
                    }
                } else if (r.kind() == Rule.Kind.ENTITY) {
                    Entity e = entities.get(r.targetId());
                    for (Map.Entry<String, Double> rel : e.topics().entrySet()) {
                        if (rel.getValue() <= 0) continue;
                        for (String topic : selfAndAncestors.getOrDefault(rel.getKey(), List.of())) {
                            positives.add(new Candidate(topic, m, rel.getValue(), field, "entity " + e.id() + ": " + r.text()));
                        }
                    }
                }
            }
            List<Candidate> kept = keepLongest(positives);
            List<Candidate> usedNegatives = new ArrayList<>();
            kept.removeIf(p -> {
                for (Candidate n : negatives) {
                    if (n.topic().equals(p.topic()) && n.match().overlaps(p.match())) {
                        usedNegatives.add(n);
                        return true;
                    }
                }
                return false;
            });
            kept.sort(Comparator.comparingInt((Candidate c) -> c.match().begin()));
            for (Candidate c : kept) {
                if (c.weight() >= ANCHOR_WEIGHT) anchored.add(c.topic());
            }
            for (Candidate c : kept) {
                int k = repeats.merge(c.topic() + "\u0000" + c.rule(), 1, Integer::sum) - 1;
                double w = c.weight() * boost * Math.pow(REPEAT_DECAY, k);
                raw.merge(c.topic(), w, Double::sum);
                evidence.computeIfAbsent(c.topic(), t -> new ArrayList<>()).add(evidence(c, w));
            }
            for (Candidate n : negatives) {
                if (usedNegatives.contains(n)) continue;
                double w = -n.weight() * boost * UNUSED_NEGATIVE_FACTOR;
                raw.merge(n.topic(), w, Double::sum);
                evidence.computeIfAbsent(n.topic(), t -> new ArrayList<>()).add(evidence(n, w));
            }
        }
        Map<String, Double> scores = new HashMap<>();
        List<String> assigned = new ArrayList<>();
        for (Map.Entry<String, List<Evidence>> e : evidence.entrySet()) {
            boolean hasPositive = e.getValue().stream().anyMatch(ev -> ev.weight() > 0);
            if (!hasPositive) continue;
            double score = calibrate(raw.getOrDefault(e.getKey(), 0.0));
            // without an anchor term the score is reported (for analysts) but capped below the threshold
            if (!anchored.contains(e.getKey())) score = Math.min(score, threshold(e.getKey()) * 0.99);
            scores.put(e.getKey(), score);
            if (score >= threshold(e.getKey())) assigned.add(e.getKey());
        }
        assigned.sort(Comparator.comparingDouble((String t) -> scores.get(t)).reversed().thenComparing(t -> t));
        Map<String, List<Evidence>> positiveTopics = new LinkedHashMap<>();
        evidence.forEach((topic, list) -> {
            if (scores.containsKey(topic)) {
                list.sort(Comparator.comparingDouble(Evidence::weight).reversed());
                positiveTopics.put(topic, List.copyOf(list));
            }
        });
        return new Result(assigned, scores, positiveTopics);
    }

    static double calibrate(double raw) {
        return raw <= 0 ? 0.0 : 1.0 - Math.exp(-raw);
    }

    double threshold(String topic) {
        Topic t = topics.get(topic);
        return t != null && t.threshold() != null ? t.threshold() : defaultThreshold;
    }

    /** Drops candidates inside a longer candidate for the same topic; on equal spans keeps the heavier one. */
    private static List<Candidate> keepLongest(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((Candidate c) -> c.match().length()).reversed()
                .thenComparing(Comparator.comparingDouble(Candidate::weight).reversed()));
        List<Candidate> kept = new ArrayList<>();
        outer:
        for (Candidate c : sorted) {
            for (Candidate k : kept) {
                if (k.topic().equals(c.topic()) && c.match().within(k.match())) continue outer;
            }
            kept.add(c);
        }
        return kept;
    }

    private static Evidence evidence(Candidate c, double weight) {
        Match m = c.match();
        return new Evidence(c.topic(), c.field().surface(m), c.rule(), c.field().field(), m.begin(), m.end(), Math.round(weight * 1000) / 1000.0);
    }
}
