package org.policyradar.classify.learned;

import org.junit.jupiter.api.Test;
import org.policyradar.classify.Classification;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.TextItem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecidingClassifierTest {

    private static final TextItem ITEM = new TextItem("x", "Hospital systems down after intruders encrypt files", null, null, "en");

    /** What the rules make of ITEM: no cyber term, a weak quantum word, tokens for the word features. */
    private static Classification rules(List<String> topics, Map<String, Double> scores, Map<String, List<Evidence>> evidence) {
        return new Classification("en", topics, scores, evidence, List.of(), List.of(),
                Map.of("title", "hospital systems down after intruders encrypt files", "body", ""));
    }

    private static DecisionModel model() {
        return new DecisionModel(Map.of(
                "cyber", new TopicModel("cyber", Map.of("bias", -3.0, "w:encrypt", 3.5, "w:intruders", 2.0), 0.3, 0.8),
                "quantum", new TopicModel("quantum", Map.of("bias", -1.0, "s:quantum", 0.5, "w:hospital", -2.0), 0.3, 0.8)),
                Map.of("items", "2"));
    }

    @Test
    void aConfidentModelRaisesATopicWithoutKeywordsAndItsEvidenceSaysSo() {
        Classification c = DecidingClassifier.decide(model(), ITEM, rules(List.of(), Map.of(), Map.of()));
        assertThat(c.topics()).containsExactly("cyber");
        assertThat(c.scores().get("cyber")).isGreaterThan(0.9);
        Evidence model = c.evidence().get("cyber").getLast();
        assertThat(model.field()).isEqualTo("model");
        assertThat(model.term()).matches("model: 0\\.9\\d");
        assertThat(model.rule()).contains("raised").contains("w:encrypt +3.50").contains("w:intruders +2.00");
    }

    @Test
    void theModelDropsARuleTopicThatIsAPassingWordAndKeepsTheRulesEvidenceWithOffsets() {
        Evidence word = new Evidence("quantum", "quantum", "quantum: quantum", "title", 10, 17, 1.2);
        Map<String, List<Evidence>> ev = Map.of("quantum", List.of(word), "data-governance", List.of(
                new Evidence("data-governance", "files", "data-governance: files", "title", 45, 50, 1.0)));
        Classification c = DecidingClassifier.decide(model(), ITEM,
                rules(List.of("quantum", "data-governance"), Map.of("quantum", 0.7, "data-governance", 0.6), ev));
        assertThat(c.topics()).doesNotContain("quantum").containsExactly("cyber", "data-governance");
        assertThat(c.evidence().get("quantum").getFirst()).isEqualTo(word);
        assertThat(c.evidence().get("quantum").getLast().rule()).contains("kept from 0.30");
        assertThat(c.scores().get("data-governance")).isEqualTo(0.6); // a topic without a model keeps the rules' decision
        for (String t : c.topics()) assertThat(c.evidence().get(t)).as(t).isNotEmpty();
    }

    @Test
    void theModelSurvivesItsTextFormAndABadLineIsNamed() throws IOException {
        StringWriter w = new StringWriter();
        model().write(w);
        DecisionModel back = DecisionModel.read(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)), "m.tsv");
        assertThat(back.topics()).isEqualTo(model().topics());
        assertThatThrownBy(() -> DecisionModel.read(new ByteArrayInputStream("w\tcyber\tbias\tnot-a-number\n".getBytes(StandardCharsets.UTF_8)), "m.tsv"))
                .hasMessageContaining("m.tsv:1");
    }
}
