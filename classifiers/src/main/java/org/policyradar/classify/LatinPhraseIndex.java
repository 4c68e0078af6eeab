package org.policyradar.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Token-aligned phrase matching over CoreNLP tokens for Latin-script languages. Phrases are indexed by their first
 * word, so matching costs one hash lookup per token however many phrases the taxonomy has (TokensRegex tries each
 * pattern at each position, which is several times slower than tokenisation with hundreds of phrases).
 */
final class LatinPhraseIndex {

    /** One word of a phrase; {@code prefix} = written with a trailing {@code *}. Case-insensitive units are lower-case. */
    record Unit(String text, boolean prefix) {
        boolean matches(Token token, boolean caseSensitive) {
            String form = caseSensitive ? token.form() : token.form().toLowerCase(Locale.ROOT);
            return prefix ? form.startsWith(text) : form.equals(text);
        }
    }

    record Phrase(Rule rule, List<Unit> units) {
    }

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final List<Phrase> prefixFirst = new ArrayList<>();

    void add(Rule rule, List<Unit> units) {
        Phrase phrase = new Phrase(rule, List.copyOf(units));
        Unit first = units.getFirst();
        if (first.prefix()) {
            prefixFirst.add(phrase);
        } else {
            byFirstWord.computeIfAbsent(first.text().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(phrase);
        }
    }

    /** All matches of phrases whose language is in {@code langs}; tokens that are only hyphens are skipped. */
    List<Match> find(List<Token> allTokens, Set<String> langs) {
        List<Token> tokens = new ArrayList<>(allTokens.size());
        for (Token t : allTokens) {
            if (!t.form().isEmpty()) tokens.add(t);
        }
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String key = tokens.get(i).form().toLowerCase(Locale.ROOT);
            List<Phrase> exact = byFirstWord.get(key);
            if (exact != null) {
                for (Phrase p : exact) tryMatch(p, tokens, i, langs, matches);
            }
            for (Phrase p : prefixFirst) {
                if (key.startsWith(p.units().getFirst().text().toLowerCase(Locale.ROOT))) tryMatch(p, tokens, i, langs, matches);
            }
        }
        return matches;
    }

    private static void tryMatch(Phrase p, List<Token> tokens, int start, Set<String> langs, List<Match> out) {
        if (!langs.contains(p.rule().lang())) return;
        List<Unit> units = p.units();
        if (start + units.size() > tokens.size()) return;
        for (int k = 0; k < units.size(); k++) {
            if (!units.get(k).matches(tokens.get(start + k), p.rule().caseSensitive())) return;
        }
        out.add(new Match(p.rule(), tokens.get(start).begin(), tokens.get(start + units.size() - 1).end()));
    }
}
