package org.policyradar.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.SharedCorpus;

/**
 * The word diff (java-diff-utils' Myers over our tokens) on corpus texts: every html page's expected main text and
 * the labelled items' titles and summaries, each against a seeded random revision (figures changed, words deleted
 * and inserted), and consecutive labelled items against each other (unrelated texts). Before the hand-written Myers
 * was deleted, this test compared the two on the same pairs: identical segments on all 2,223 (commit 0a27728).
 */
class WordDiffCorpusTest {
    @Test
    void theDiffReplaysBothTextsWithAMinimalScriptOnTheCorpus() throws IOException {
        Path corpus = SharedCorpus.required("corpus");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("html"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".expected.txt")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> items = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("labels/dev.jsonl"))) {
            JsonNode item = json.readTree(line);
            items.add(item.path("title").asText() + " " + item.path("summary").asText());
        }
        texts.addAll(items);
        Random random = new Random(17);
        List<String[]> pairs = new ArrayList<>();
        for (String text : texts) {
            pairs.add(new String[] {text, revise(text, random)});
        }
        for (int i = 1; i < items.size(); i++) {
            pairs.add(new String[] {items.get(i - 1), items.get(i)});
        }
        for (String[] pair : pairs) {
            Diff diff = WordDiff.diff(pair[0], pair[1]);
            List<String> a = texts(WordDiff.tokenize(pair[0]));
            List<String> b = texts(WordDiff.tokenize(pair[1]));
            assertThat(replay(diff, WordDiff.Op.INSERT)).isEqualTo(a);
            assertThat(replay(diff, WordDiff.Op.DELETE)).isEqualTo(b);
            int edits = (int) diff.segments().stream().filter(s -> s.op() != WordDiff.Op.EQUAL).mapToLong(s -> s.tokens().size()).sum();
            int minimal = a.size() + b.size() - 2 * lcs(a, b);
            assertThat(edits).as("edits of %s", pair[0].substring(0, Math.min(60, pair[0].length())))
                    .isEqualTo(minimal > WordDiff.MAX_EDITS ? a.size() + b.size() - 2 * commonEnds(a, b) : minimal);
        }
    }

    @Test
    void beyondTheEditBoundTheMiddleIsReplacedWholesale() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            a.append("a").append(i).append(' ');
            b.append("b").append(i).append(' ');
        }
        Diff diff = WordDiff.diff("Start. " + a + "End.", "Start. " + b + "End.");
        assertThat(diff.segments()).extracting(WordDiff.Segment::op)
                .containsExactly(WordDiff.Op.EQUAL, WordDiff.Op.DELETE, WordDiff.Op.INSERT, WordDiff.Op.EQUAL);
        assertThat(diff.wordsRemoved()).isEqualTo(2000);
    }

    private static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] row = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                row[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
            }
            int[] t = prev;
            prev = row;
            row = t;
        }
        return prev[b.size()];
    }

    private static int commonEnds(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) suffix++;
        return prefix + suffix;
    }

    /** A revision as an editor makes one: a few figures changed, a word or two deleted, a phrase inserted. */
    static String revise(String text, Random random) {
        List<WordDiff.Token> tokens = new ArrayList<>(WordDiff.tokenize(text));
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            int at = random.nextInt(tokens.size());
            WordDiff.Token t = tokens.get(at);
            switch (random.nextInt(3)) {
                case 0 -> tokens.set(at, new WordDiff.Token(Character.isDigit(t.text().charAt(0)) ? String.valueOf(random.nextInt(100)) : t.text() + "s", t.spaceBefore(), 0));
                case 1 -> tokens.subList(at, Math.min(tokens.size(), at + 1 + random.nextInt(3))).clear();
                default -> tokens.add(at, new WordDiff.Token(random.nextBoolean() ? "新增" : "new", true, 0));
            }
        }
        return Diff.join(tokens, false);
    }

    private static List<String> replay(Diff diff, WordDiff.Op skipped) {
        List<String> out = new ArrayList<>();
        for (WordDiff.Segment s : diff.segments()) {
            if (s.op() != skipped) {
                s.tokens().forEach(t -> out.add(t.text()));
            }
        }
        return out;
    }

    private static List<String> texts(List<WordDiff.Token> tokens) {
        return tokens.stream().map(WordDiff.Token::text).toList();
    }
}
