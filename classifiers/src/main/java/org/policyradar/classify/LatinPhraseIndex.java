package org.policyradar.classify;

import java.util.ArrayList;
import java.util.Comparator;
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
    }

    /** @param order the phrase's place in the taxonomy, which keeps matches in taxonomy order */
    record Phrase(Rule rule, List<Unit> units, int order) {
    }

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    /** Phrases whose first word is a prefix ({@code cyber*}), by that prefix, lower-cased. */
    private final Map<String, List<Phrase>> byFirstPrefix = new HashMap<>();
    /** The distinct lengths of those prefixes: a token is looked up once per length, not compared with every prefix. */
    private int[] prefixLengths = new int[0];
    private int count;

    void add(Rule rule, List<Unit> units) {
        Phrase phrase = new Phrase(rule, List.copyOf(units), count++);
        Unit first = units.getFirst();
        String key = first.text().toLowerCase(Locale.ROOT);
        if (first.prefix()) {
            byFirstPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(phrase);
            prefixLengths = byFirstPrefix.keySet().stream().mapToInt(String::length).distinct().sorted().toArray();
        } else {
            byFirstWord.computeIfAbsent(key, k -> new ArrayList<>()).add(phrase);
        }
    }

    /** All matches of phrases whose language is in {@code langs}; tokens that are only hyphens are skipped. */
    List<Match> find(List<Token> allTokens, Set<String> langs) {
        List<Token> tokens = new ArrayList<>(allTokens.size());
        for (Token t : allTokens) {
            if (!t.form().isEmpty()) tokens.add(t);
        }
        String[] lower = new String[tokens.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = tokens.get(i).form().toLowerCase(Locale.ROOT);
        }
        List<Match> matches = new ArrayList<>();
        List<Phrase> prefixed = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String key = lower[i];
            List<Phrase> exact = byFirstWord.get(key);
            if (exact != null) {
                for (Phrase p : exact) tryMatch(p, tokens, lower, i, langs, matches);
            }
            prefixed.clear();
            for (int length : prefixLengths) {
                if (length > key.length()) break;
                List<Phrase> found = byFirstPrefix.get(key.substring(0, length));
                if (found != null) prefixed.addAll(found);
            }
            if (prefixed.size() > 1) prefixed.sort(Comparator.comparingInt(Phrase::order));
            for (Phrase p : prefixed) tryMatch(p, tokens, lower, i, langs, matches);
        }
        return matches;
    }

    private static void tryMatch(Phrase p, List<Token> tokens, String[] lower, int start, Set<String> langs, List<Match> out) {
        if (!langs.contains(p.rule().lang())) return;
        List<Unit> units = p.units();
        if (start + units.size() > tokens.size()) return;
        boolean caseSensitive = p.rule().caseSensitive();
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            String form = caseSensitive ? tokens.get(start + k).form() : lower[start + k];
            if (!(u.prefix() ? form.startsWith(u.text()) : form.equals(u.text()))) return;
        }
        out.add(new Match(p.rule(), tokens.get(start).begin(), tokens.get(start + units.size() - 1).end()));
    }
}
