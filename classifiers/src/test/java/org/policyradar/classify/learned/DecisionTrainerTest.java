package org.policyradar.classify.learned;

import org.junit.jupiter.api.Test;
import org.policyradar.classify.Classification;
import org.policyradar.classify.CrossValidation;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.GoldItem;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionTrainerTest {

    /** Items where "hack" in the title means cyber only together with "server"; rules assign cyber on "hack" alone. */
    static List<CrossValidation.Example> examples(long seed) {
        Random r = new Random(seed);
        String[] filler = {"market", "city", "team", "report", "minister", "plan", "week", "price"};
        List<CrossValidation.Example> out = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            boolean hack = r.nextBoolean(), server = r.nextBoolean();
            String title = (hack ? "hack " : "") + (server ? "server " : "") + filler[r.nextInt(filler.length)] + " " + filler[r.nextInt(filler.length)];
            boolean cyber = hack && server;
            Map<String, List<Evidence>> ev = hack ? Map.of("cyber", List.of(new Evidence("cyber", "hack", "cyber: hack", "title", 0, 4, 1.2))) : Map.of();
            Map<String, Double> scores = hack ? Map.of("cyber", 0.7) : Map.of();
            Classification rules = new Classification("en", hack ? List.of("cyber") : List.of(), scores, ev, List.of(), List.of(),
                    Map.of("title", title, "body", ""));
            GoldItem gold = new GoldItem("i" + i, title, null, null, "en", cyber ? List.of("cyber") : List.of(), "s", "https://s" + (i % 30) + ".example/" + i);
            out.add(new CrossValidation.Example(gold, rules));
        }
        return out;
    }

    private static String text(DecisionModel m) throws IOException {
        StringWriter w = new StringWriter();
        m.write(w);
        return w.toString();
    }

    private static final DecisionTrainer.Settings WITH_WORDS = new DecisionTrainer.Settings(1.0, 2, 3, 13, 0.3, "");

    @Test
    void trainingTwiceGivesIdenticalParameters() throws IOException {
        DecisionTrainer trainer = new DecisionTrainer(List.of("cyber", "ai"), WITH_WORDS);
        String first = text(trainer.train(examples(1)));
        String second = text(new DecisionTrainer(List.of("cyber", "ai"), WITH_WORDS).train(examples(1)));
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("w\tcyber\tw:server\t");
    }

    @Test
    void theLayerLearnsThatTheKeywordAloneIsNotTheTopic() {
        DecisionModel model = new DecisionTrainer(List.of("cyber"), WITH_WORDS).train(examples(2));
        List<CrossValidation.Example> unseen = examples(3);
        int right = 0, rulesRight = 0;
        for (CrossValidation.Example e : unseen) {
            boolean gold = e.gold().topics().contains("cyber");
            boolean predicted = DecidingClassifier.decide(model, e.gold().toTextItem(), e.rules()).topics().contains("cyber");
            if (predicted == gold) right++;
            if (e.rules().topics().contains("cyber") == gold) rulesRight++;
        }
        assertThat(rulesRight).isLessThan(unseen.size() * 9 / 10);
        assertThat(right).isGreaterThanOrEqualTo(unseen.size() * 97 / 100);
    }
}
