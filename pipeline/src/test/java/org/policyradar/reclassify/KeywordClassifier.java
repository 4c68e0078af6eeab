package org.policyradar.reclassify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.policyradar.classify.Classification;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextItem;

/**
 * A classifier whose rules are a keyword per topic, so a test can "edit the taxonomy" in one line and see which items
 * were classified: every item it classifies is recorded by id.
 */
class KeywordClassifier implements ItemClassifier {
    private final Map<String, String> topicByKeyword;
    private final String version;
    final Queue<String> classified = new ConcurrentLinkedQueue<>();

    KeywordClassifier(String version, Map<String, String> topicByKeyword) {
        this.version = version;
        this.topicByKeyword = new LinkedHashMap<>(topicByKeyword);
    }

    @Override
    public Classification classify(TextItem item) {
        classified.add(item.id());
        String text = (item.title() + " " + item.summary() + " " + item.text()).toLowerCase(Locale.ROOT);
        List<String> topics = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        topicByKeyword.forEach((keyword, topic) -> {
            int at = text.indexOf(keyword);
            if (at >= 0 && !topics.contains(topic)) {
                topics.add(topic);
                scores.put(topic, 0.9);
                evidence.put(topic, List.of(new Evidence(topic, keyword, "keyword " + keyword, "title", at, at + keyword.length(), 1.0)));
            }
        });
        return new Classification(item.lang() == null ? "en" : item.lang(), topics, scores, evidence, List.of(), List.of(),
                Map.of("title", analyze(item.title(), null), "body", analyze(item.summary(), null)));
    }

    @Override
    public String analyze(String text, String lang) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String version() {
        return version;
    }
}
