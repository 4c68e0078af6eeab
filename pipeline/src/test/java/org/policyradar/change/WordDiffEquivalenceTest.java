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
 * The hand-written Myers against java-diff-utils' on corpus texts: every html page's expected main text and the
 * labelled items' titles and summaries, each against a seeded random revision (figures changed, words deleted and
 * inserted), and consecutive labelled items against each other (unrelated texts).
 */
class WordDiffEquivalenceTest {
    @Test
    void theLibraryGivesTheSameDiffAsTheHandWrittenMyersOnTheCorpus() throws IOException {
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
        int sameOps = 0;
        int sameRender = 0;
        int sameEdits = 0;
        for (String[] pair : pairs) {
            Diff old = WordDiff.diff(pair[0], pair[1], WordDiff::myers);
            Diff lib = WordDiff.diff(pair[0], pair[1], WordDiff::libraryOps);
            sameOps += old.segments().equals(lib.segments()) ? 1 : 0;
            sameRender += old.render().equals(lib.render()) ? 1 : 0;
            sameEdits += old.wordsAdded() + old.wordsRemoved() == lib.wordsAdded() + lib.wordsRemoved() ? 1 : 0;
            assertThat(replay(lib, WordDiff.Op.INSERT)).isEqualTo(texts(WordDiff.tokenize(pair[0])));
            assertThat(replay(lib, WordDiff.Op.DELETE)).isEqualTo(texts(WordDiff.tokenize(pair[1])));
        }
        System.out.printf("word diff equivalence: pairs=%d same_segments=%d same_render=%d same_edit_count=%d%n",
                pairs.size(), sameOps, sameRender, sameEdits);
        assertThat(sameEdits).isEqualTo(pairs.size());
        assertThat(sameRender).isEqualTo(pairs.size());
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
