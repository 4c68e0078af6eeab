package org.policyradar.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchResult;
import edu.stanford.nlp.ling.tokensregex.SequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.IntervalTree;
import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skipping a TokensRegex pattern whose required tokens are absent never loses a match: every pattern that matches a
 * text is one the trigger lets run, and the matches kept are those of running every pattern.
 */
class TriggeredPatternTest {

    private static final List<String> EXTRA_PATTERNS = List.of(
            "( /(?i)by|until|before/ /20[2-9][0-9]/ )",
            "( /social/ /-/? /credit/ /system/? )",           // optional nodes are not required
            "( [{word:/(?i)made/}] /in/ /China/ /2025/ )",     // exact and regex nodes
            "( /the/? /5G/ /(?i)network|rollout/+ )",          // repeat at the end
            "( /Huawei/ | /ZTE/ ) /5G/",                       // branching first: nothing required
            "( /cyber/ ( /security/ | /attack/ ) )");

    @Test
    void triggeredPatternsFindExactlyWhatTheMultiPatternMatcherFinds() throws IOException {
        TextAnalysers analysers = SharedClassifier.analysers();
        List<String> patterns = new ArrayList<>(EXTRA_PATTERNS);
        for (Topic t : TaxonomyLoader.loadDefault().topics()) {
            for (TermGroup g : t.terms()) patterns.addAll(g.tokensregex());
        }
        Env env = TokenSequencePattern.getNewEnv();
        List<TokenSequencePattern> compiled = patterns.stream().map(p -> TokenSequencePattern.compile(env, p)).toList();
        List<RuleBook.TriggeredPattern> triggered = compiled.stream().map(p -> RuleBook.TriggeredPattern.of(p, null)).toList();

        List<String> texts = new ArrayList<>(List.of(
                "Huawei 5G rollout by 2025: the 5G network network rollout, before 2030 and until 2099.",
                "The social credit system and social-credit scores; Made in China 2025; cyber security and cyber attack.",
                "Samsung Galaxy S24 5G and iPhone 15 Pro 5G phones; 5G smartphones and 5G modems; ZTE 5G.",
                "Nothing to see here, in 1999 or by 2019.",
                ""));
        SharedClassifier.sharedDir().map(d -> d.resolve("corpus/labels/dev.jsonl")).filter(Files::isRegularFile)
                .ifPresent(dev -> texts.addAll(englishTexts(dev)));

        int matches = 0;
        for (String text : texts) {
            List<CoreLabel> labels = analysers.analyseLatin(text).labels();
            // Reference: every pattern run on every text, then the same selection as CoreNLP's MultiPatternMatcher (whose
            // own pattern order, and so its choice between equally long overlapping matches, varies from run to run).
            List<SequenceMatchResult<CoreMap>> all = new ArrayList<>();
            for (int order = 0; order < compiled.size(); order++) {
                SequenceMatcher<CoreMap> m = compiled.get(order).getMatcher(labels);
                m.setMatchWithResult(false);
                m.setFindType(SequenceMatcher.FindType.FIND_ALL);
                m.setOrder(order);
                boolean any = false;
                while (m.find()) {
                    all.add(m.toBasicSequenceMatchResult());
                    any = true;
                }
                if (any) {
                    assertThat(triggered.get(order).canMatch(labels)).as("pattern %s on <%s>", compiled.get(order).pattern(), text).isTrue();
                }
            }
            List<String> expected = new ArrayList<>();
            List<SequenceMatchResult<CoreMap>> kept = all.isEmpty() ? List.of()
                    : IntervalTree.getNonOverlapping(all, SequenceMatchResult.TO_INTERVAL, SequenceMatchResult.DEFAULT_COMPARATOR);
            kept.stream().sorted(SequenceMatchResult.OFFSET_COMPARATOR)
                    .forEach(r -> expected.add(r.pattern().pattern() + "@" + r.start() + "-" + r.end()));
            List<String> fromCoreNlp = new ArrayList<>();
            TokenSequencePattern.getMultiPatternMatcher(compiled).find(labels, SequenceMatcher.FindType.FIND_ALL)
                    .forEach(r -> fromCoreNlp.add(r.pattern().pattern() + "@" + r.start() + "-" + r.end()));
            assertThat(fromCoreNlp).as("CoreNLP keeps as many matches on <%s>", text).hasSameSizeAs(expected);
            List<String> actual = new ArrayList<>();
            for (SequenceMatchResult<CoreMap> r : RuleBook.find(triggered, labels)) {
                actual.add(r.pattern().pattern() + "@" + r.start() + "-" + r.end());
            }
            assertThat(actual).as("text <%s>", text).containsExactlyElementsOf(expected);
            matches += expected.size();
        }
        assertThat(matches).as("the texts exercise the patterns").isGreaterThan(10);
        assertThat(triggered.get(0).required()).hasSize(2);
        assertThat(triggered.get(4).required()).as("branching first: nothing required").isEmpty();
    }

    private static List<String> englishTexts(Path dev) {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dev)) {
                var node = json.readTree(line);
                if (!"zh".equals(node.path("lang").asText())) {
                    out.add(node.path("title").asText() + ". " + node.path("summary").asText(""));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
