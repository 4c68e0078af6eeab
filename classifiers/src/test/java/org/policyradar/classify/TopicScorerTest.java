package org.policyradar.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.Entity;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.Topic;

/** {@link TopicScorer} on hand-made matches: each of its weighting rules, one at a time. */
class TopicScorerTest {
    private static final Topic AI = new Topic("ai", null, "artificial intelligence", null, null, List.of(), List.of(), List.of());
    private static final Topic LLM = new Topic("ai-llm", null, "large language models", "ai", null, List.of(), List.of(), List.of());
    private static final Topic SOCIAL_CREDIT = new Topic("social-credit", null, "social credit", null, 0.6, List.of(), List.of(), List.of());
    private static final Entity HUAWEI = new Entity("huawei", "organisation", "Huawei", List.of(), Map.of("ai", 0.8));
    private static final TopicScorer SCORER = new TopicScorer(new Taxonomy("test", "1", List.of(AI, LLM, SOCIAL_CREDIT),
            List.of(HUAWEI), List.of()), TopicScorer.DEFAULT_TITLE_BOOST, TopicScorer.DEFAULT_THRESHOLD);

    private static Rule topic(String id, String text, double weight) {
        return new Rule(Rule.Kind.TOPIC, id, text, "en", weight, false, false);
    }

    private static Rule negative(String id, String text, double weight) {
        return new Rule(Rule.Kind.TOPIC, id, text, "en", weight, true, false);
    }

    /** Matches of {@code rules} in {@code text}, each at the first place its text occurs after the previous match. */
    private static FieldMatches field(String name, String text, Rule... rules) {
        List<Match> matches = new java.util.ArrayList<>();
        int from = 0;
        for (Rule r : rules) {
            int at = text.indexOf(r.text(), from);
            if (at < 0) {
                at = text.indexOf(r.text());
            }
            matches.add(new Match(r, at, at + r.text().length()));
            from = at + 1;
        }
        return new FieldMatches(name, text, matches);
    }

    @Test
    void aTitleMatchWeighsTitleBoostTimesTheSameMatchInTheBody() {
        Rule ml = topic("ai", "machine learning", 1.0);
        TopicScorer.Result inTitle = SCORER.score(List.of(field("title", "machine learning rules", ml)), 10);
        TopicScorer.Result inBody = SCORER.score(List.of(field("summary", "on machine learning", ml)), 10);
        assertThat(inTitle.scores().get("ai")).isCloseTo(1 - Math.exp(-2.0), within(1e-9));
        assertThat(inBody.scores().get("ai")).isCloseTo(1 - Math.exp(-1.0), within(1e-9));
        assertThat(inBody.topics()).containsExactly("ai");
        assertThat(inBody.evidence().get("ai")).extracting(Evidence::term).containsExactly("machine learning");
    }

    @Test
    void theSameRuleRepeatedCountsHalfAsMuchEachTime() {
        Rule ml = topic("ai", "machine learning", 1.0);
        TopicScorer.Result r = SCORER.score(List.of(field("summary", "machine learning, machine learning, machine learning",
                ml, ml, ml)), 10);
        assertThat(r.scores().get("ai")).isCloseTo(1 - Math.exp(-(1.0 + 0.5 + 0.25)), within(1e-9));
    }

    @Test
    void aLongBodyScalesBodyEvidenceByTheSquareRootOfItsLength() {
        Rule ml = topic("ai", "machine learning", 1.0);
        TopicScorer.Result r = SCORER.score(List.of(field("text", "machine learning once", ml)), 4 * TopicScorer.BODY_REFERENCE_TOKENS);
        assertThat(r.scores().get("ai")).isCloseTo(1 - Math.exp(-0.5), within(1e-9));
        assertThat(r.topics()).as("0.39 is below the 0.5 threshold: a passing mention").isEmpty();
    }

    @Test
    void aMatchInsideALongerMatchOfTheSameTopicIsDropped() {
        Rule code = topic("social-credit", "统一社会信用代码", 0.2);
        Rule credit = topic("social-credit", "社会信用", 1.0);
        TopicScorer.Result r = SCORER.score(List.of(field("summary", "统一社会信用代码", code, credit)), 10);
        assertThat(r.evidence().get("social-credit")).extracting(Evidence::term).containsExactly("统一社会信用代码");
        assertThat(r.topics()).isEmpty();
    }

    @Test
    void aNegativeOverlappingAPositiveCancelsItAndOneElsewhereSubtractsHalfItsWeight() {
        Rule ai = topic("ai", "AI", 1.0);
        Rule notAi = negative("ai", "AI Weiwei", 1.0);
        TopicScorer.Result cancelled = SCORER.score(List.of(field("summary", "AI Weiwei", ai, notAi)), 10);
        assertThat(cancelled.scores()).doesNotContainKey("ai");
        assertThat(cancelled.topics()).isEmpty();

        Rule ml = topic("ai", "machine learning", 1.0);
        TopicScorer.Result reduced = SCORER.score(List.of(field("summary", "machine learning, not AI Weiwei", ml, notAi)), 10);
        assertThat(reduced.scores().get("ai")).isCloseTo(1 - Math.exp(-(1.0 - 0.5)), within(1e-9));
    }

    @Test
    void supportingTermsWithoutAnAnchorStayBelowTheThreshold() {
        Rule a = topic("ai", "algorithm", 0.4);
        Rule b = topic("ai", "neural", 0.4);
        Rule c = topic("ai", "training data", 0.4);
        TopicScorer.Result r = SCORER.score(List.of(field("title", "algorithm neural training data", a, b, c)), 10);
        assertThat(r.scores().get("ai")).isLessThan(TopicScorer.DEFAULT_THRESHOLD).isGreaterThan(0.4);
        assertThat(r.topics()).isEmpty();
    }

    @Test
    void aSubtopicsEvidenceCountsForItsParentAndAnEntityForItsTopics() {
        Rule llm = topic("ai-llm", "large language model", 1.0);
        TopicScorer.Result r = SCORER.score(List.of(field("summary", "a large language model", llm)), 10);
        assertThat(r.topics()).containsExactlyInAnyOrder("ai", "ai-llm");

        Rule huawei = new Rule(Rule.Kind.ENTITY, "huawei", "Huawei", "en", 1.0, false, false);
        TopicScorer.Result e = SCORER.score(List.of(field("summary", "Huawei", huawei)), 10);
        assertThat(e.scores().get("ai")).isCloseTo(1 - Math.exp(-0.8), within(1e-9));
        assertThat(e.evidence().get("ai").get(0).rule()).isEqualTo("entity huawei: Huawei");
    }

    @Test
    void aTopicsOwnThresholdDecidesItsAssignment() {
        Rule credit = topic("social-credit", "社会信用", 0.8);
        TopicScorer.Result r = SCORER.score(List.of(field("summary", "社会信用体系", credit)), 10);
        assertThat(r.scores().get("social-credit")).isCloseTo(1 - Math.exp(-0.8), within(1e-9)); // 0.55
        assertThat(r.topics()).as("0.55 is above the default 0.5 but below the topic's 0.6").isEmpty();
    }
}
