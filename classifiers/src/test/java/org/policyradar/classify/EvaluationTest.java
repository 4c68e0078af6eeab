package org.policyradar.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Metric arithmetic with a fake classifier (no CoreNLP). */
class EvaluationTest {

    /** Predicts "ai" for titles containing "AI" and "cyber" for titles containing "hack", with one piece of evidence each. */
    private static final ItemClassifier FAKE = new ItemClassifier() {
        @Override
        public Classification classify(TextItem item) {
            List<String> topics = new java.util.ArrayList<>();
            if (item.title().contains("AI")) topics.add("ai");
            if (item.title().contains("hack")) topics.add("cyber");
            Map<String, List<Evidence>> ev = new java.util.HashMap<>();
            Map<String, Double> scores = new java.util.HashMap<>();
            for (String t : topics) {
                ev.put(t, List.of(new Evidence(t, "x", t + ": x", "title", 0, 1, 1.0)));
                scores.put(t, 0.63);
            }
            return new Classification("en", topics, scores, ev, List.of(), List.of(), Map.of());
        }

        @Override
        public String analyze(String text, String lang) {
            return text;
        }

        @Override
        public String version() {
            return "fake";
        }
    };

    @Test
    void countsPrecisionRecallF1MicroMacroPerLanguageAndConfusions(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, """
                {"id":"1","title":"AI news","summary":"s","lang":"en","topics":["ai"],"link":"ignored"}
                {"id":"2","title":"AI and hack","summary":"s","lang":"en","topics":["ai"]}

                {"id":"3","title":"quiet day","summary":"s","lang":"zh-CN","topics":["cyber"]}
                {"id":"4","title":"hack","lang":"zh","topics":["cyber"]}
                """);
        List<GoldItem> items = Evaluation.readGold(gold);
        assertThat(items).hasSize(4);

        EvaluationReport r = new Evaluation(FAKE).evaluate(items);
        assertThat(r.overall().get("ai")).isEqualTo(new Counts(2, 0, 0));
        assertThat(r.overall().get("cyber")).isEqualTo(new Counts(1, 1, 1));
        assertThat(r.micro()).isEqualTo(new Counts(3, 1, 1));
        assertThat(r.micro().f1()).isCloseTo(0.75, within(1e-9));
        // macro averages topics that have gold or predictions: ai 1.0, cyber 0.5
        assertThat(r.macroF1()).isCloseTo(0.75, within(1e-9));
        assertThat(r.itemsByLanguage()).containsEntry("en", 2).containsEntry("zh", 2);
        // zh: cyber 1 TP + 1 FN = F1 2/3; ai has neither gold nor predictions in zh, so it is left out
        assertThat(r.macroF1("zh")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.confusions()).extracting(EvaluationReport.Confusion::id, EvaluationReport.Confusion::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2", "FP"), org.assertj.core.groups.Tuple.tuple("3", "FN"));
        assertThat(r.confusions()).filteredOn(c -> c.kind().equals("FP")).first()
                .satisfies(c -> assertThat(c.evidence()).isNotEmpty());
        String text = r.render();
        assertThat(text).contains("[all]", "[en]", "[zh]", "macro", "FP  cyber", "FN  cyber", "quantum");
    }

    @Test
    void badGoldLineIsReportedWithItsLineNumber(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("bad.jsonl");
        Files.writeString(gold, "{\"id\":\"1\",\"title\":\"t\",\"topics\":[]}\n{not json\n");
        assertThatThrownBy(() -> Evaluation.readGold(gold)).isInstanceOf(IOException.class).hasMessageContaining("bad.jsonl:2");
    }
}
