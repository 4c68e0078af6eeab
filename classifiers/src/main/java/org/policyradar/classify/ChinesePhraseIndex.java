package org.policyradar.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrase matching over Chinese segments. The segmenter splits taxonomy terms (人工智能 → 人工 智能, 网络安全法 →
 * 网络 安全法) and glues others to neighbours, so a phrase matches a run of segments that starts at a segment
 * boundary and whose concatenation starts with the phrase; the last segment may extend beyond it (网络安全 matches
 * 网络 安全法). A phrase ending in a Latin letter or digit must not continue into one (AI is not AIDS).
 */
final class ChinesePhraseIndex {

    record Phrase(Rule rule, String text) {
    }

    private final Map<Character, List<Phrase>> byFirstChar = new HashMap<>();

    void add(Rule rule, String normalisedText) {
        byFirstChar.computeIfAbsent(normalisedText.charAt(0), k -> new ArrayList<>()).add(new Phrase(rule, normalisedText));
    }

    List<Match> find(List<Token> tokens) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = joined.length();
            joined.append(tokens.get(i).form());
        }
        String concat = joined.toString();
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).form().isEmpty()) continue;
            List<Phrase> candidates = byFirstChar.get(concat.charAt(starts[i]));
            if (candidates == null) continue;
            for (Phrase p : candidates) {
                int from = starts[i];
                if (!concat.startsWith(p.text(), from)) continue;
                int endInConcat = from + p.text().length();
                if (endInConcat < concat.length() && isAsciiAlnum(p.text().charAt(p.text().length() - 1))
                        && isAsciiAlnum(concat.charAt(endInConcat))) continue;
                int j = i;
                while (j + 1 < tokens.size() && starts[j + 1] < endInConcat) j++;
                int end = tokens.get(j).begin() + (endInConcat - starts[j]);
                matches.add(new Match(p.rule(), tokens.get(i).begin(), end));
            }
        }
        return matches;
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
