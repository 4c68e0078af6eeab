package org.policyradar.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public article-extraction benchmark's score, as {@code ../shared/tools/score-extraction} computes it: 4-gram
 * shingles over {@code \w+} tokens, per page precision and recall of the shingle counts; a set of pages gets the F1 of
 * its mean precision and mean recall. As there, a page with an empty prediction has no precision (NaN, left out of
 * the mean) and one with an empty gold no recall.
 */
record ShingleScore(double precision, double recall) {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    static ShingleScore of(String gold, String predicted) {
        Map<List<String>, Integer> g = shingles(gold);
        Map<List<String>, Integer> p = shingles(predicted);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Set<List<String>> keys = new HashSet<>(g.keySet());
        keys.addAll(p.keySet());
        for (List<String> k : keys) {
            int tc = g.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        boolean exact = fp == 0 && fn == 0;
        return new ShingleScore(tp + fp == 0 ? Double.NaN : exact ? 1 : tp / (tp + fp),
                tp + fn == 0 ? Double.NaN : exact ? 1 : tp / (tp + fn));
    }

    double f1() {
        double p = Double.isNaN(precision) ? 0 : precision;
        double r = Double.isNaN(recall) ? 0 : recall;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** F1 of the mean precision and mean recall, as the benchmark reports a set of pages. */
    static double f1OfMeans(List<ShingleScore> pages) {
        double p = pages.stream().mapToDouble(ShingleScore::precision).filter(v -> !Double.isNaN(v)).average().orElse(0);
        double r = pages.stream().mapToDouble(ShingleScore::recall).filter(v -> !Double.isNaN(v)).average().orElse(0);
        return new ShingleScore(p, r).f1();
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        int last = Math.max(1, tokens.size() - 3);
        for (int i = 0; i < last; i++) {
            out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + 4))), 1, Integer::sum);
        }
        return out;
    }
}
