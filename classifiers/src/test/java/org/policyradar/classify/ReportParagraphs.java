package org.policyradar.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paragraphs of the MERICS report's topic sections with the topic each is about: the four case studies (5G, AI,
 * blockchain, quantum), 4.3 on cyber security and 4.4 on the Social Credit System; paragraphs of at least 100
 * characters (shorter lines are captions and pull quotes). None of them is in the decision layer's training data.
 */
record ReportParagraphs(String topic, String text) {

    private static final Map<String, String> SECTION_STARTS = Map.of(
            "## Case Study 1:", "5g", "## Case Study 2:", "ai", "## Case Study 3:", "blockchain",
            "## Case Study 4:", "quantum", "### 4.3 ", "cyber", "#### 4.4 ", "social-credit");

    static List<ReportParagraphs> read(Path report) throws IOException {
        List<ReportParagraphs> out = new ArrayList<>();
        String current = null;
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                String start = SECTION_STARTS.keySet().stream().filter(line::startsWith).findFirst().orElse(null);
                if (start != null) current = SECTION_STARTS.get(start);
                else if (line.startsWith("## ") || line.matches("#+ +(4|5)\\..*") || line.startsWith("### China's cyber governance")) current = null;
            } else if (current != null && line.strip().length() >= 100) {
                out.add(new ReportParagraphs(current, line.strip().replaceAll("<sup>\\d+</sup>", "")));
            }
        }
        return out;
    }

    /** {@code ReportParagraphs REPORT.txt}: own topic found and ranked first among the six, rules alone and with the decision layer. */
    public static void main(String[] args) throws Exception {
        List<ReportParagraphs> paragraphs = read(Path.of(args[0]));
        var learned = new org.policyradar.classify.learned.DecidingClassifier(SharedClassifier.classifier(),
                org.policyradar.classify.learned.DecisionModel.loadShipped());
        for (ItemClassifier c : List.of(SharedClassifier.classifier(), learned)) {
            int found = 0, first = 0;
            for (ReportParagraphs p : paragraphs) {
                List<String> topics = c.classify(new TextItem("r", "", p.text(), null, "en")).topics().stream()
                        .filter(org.policyradar.taxonomy.Taxonomy.EVALUATED_TOPICS::contains).toList();
                if (topics.contains(p.topic())) found++;
                if (!topics.isEmpty() && topics.getFirst().equals(p.topic())) first++;
                else System.out.println("  not first: " + p.topic() + " -> " + topics + " " + p.text().substring(0, 80));
            }
            System.out.printf("%s: %d paragraphs, own topic found %d, ranked first %d%n", c.getClass().getSimpleName(), paragraphs.size(), found, first);
        }
    }
}
