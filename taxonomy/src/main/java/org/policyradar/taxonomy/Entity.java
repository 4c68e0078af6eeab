package org.policyradar.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * An actor (organisation) or instrument (plan, law, standard) with its names in several languages.
 *
 * @param kind    {@code organisation} or {@code instrument}
 * @param name    canonical English name
 * @param aliases the names to match; each group may carry its own weight (ignored) and case sensitivity
 * @param topics  topic id to the weight one mention adds to that topic (0 = related only, no evidence)
 */
public record Entity(String id,
                     String kind,
                     String name,
                     List<TermGroup> aliases,
                     Map<String, Double> topics) {

    public static final List<String> KINDS = List.of("organisation", "instrument");

    public Entity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        topics = topics == null ? Map.of() : Map.copyOf(topics);
    }
}
