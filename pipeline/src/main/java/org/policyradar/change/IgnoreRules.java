package org.policyradar.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ignore rules of {@code alerts.yaml}'s {@code changes:} section: regexes for every tracked source and per source,
 * applied on top of {@link TextNormaliser}'s built-in ones.
 */
public record IgnoreRules(List<Pattern> all, Map<String, List<Pattern>> bySource) {
    public static final IgnoreRules NONE = new IgnoreRules(List.of(), Map.of());

    public IgnoreRules {
        all = List.copyOf(all);
        bySource = Map.copyOf(bySource);
    }

    public TextNormaliser normaliserFor(String sourceId) {
        List<Pattern> rules = new ArrayList<>(all);
        rules.addAll(bySource.getOrDefault(sourceId, List.of()));
        return new TextNormaliser(rules);
    }
}
