package org.policyradar.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A deterministic k-fold split that keeps every group (source) inside one fold. Groups are shuffled with the seed,
 * then placed largest first into the fold with the fewest items so far (ties: lowest fold number), which keeps folds
 * near equal in size although a few sources hold dozens of items.
 */
public final class GroupedFolds {

    private GroupedFolds() {
    }

    /**
     * @return for each fold, the indices (into {@code items}, ascending) of its test items
     * @throws IllegalArgumentException when there are fewer groups than folds
     */
    public static <T> List<List<Integer>> split(List<T> items, Function<T, String> group, int folds, long seed) {
        if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byGroup.computeIfAbsent(group.apply(items.get(i)), g -> new ArrayList<>()).add(i);
        }
        if (byGroup.size() < folds) {
            throw new IllegalArgumentException(folds + " folds need at least " + folds + " sources, the items have " + byGroup.size());
        }
        List<String> names = new ArrayList<>(byGroup.keySet());
        Collections.sort(names);
        Collections.shuffle(names, new Random(seed));
        // stable sort: equal-sized groups keep their shuffled order
        names.sort(Comparator.comparingInt((String g) -> byGroup.get(g).size()).reversed());
        List<List<Integer>> result = new ArrayList<>();
        for (int f = 0; f < folds; f++) result.add(new ArrayList<>());
        for (String g : names) {
            List<Integer> smallest = result.get(0);
            for (List<Integer> fold : result) {
                if (fold.size() < smallest.size()) smallest = fold;
            }
            smallest.addAll(byGroup.get(g));
        }
        result.forEach(Collections::sort);
        return result;
    }
}
