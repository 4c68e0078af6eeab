package org.policyradar.search;

import java.util.List;

/**
 * One thing the taxonomy names in several languages: a search theme, an actor (entity) or a topic.
 *
 * @param kind    {@code theme}, {@code actor} or {@code topic}
 * @param english what the concept is called in English (the gloss)
 * @param aliases every name of it, in file order
 */
public record Concept(String id, String kind, String english, List<Alias> aliases) {
    public Concept {
        aliases = List.copyOf(aliases);
    }

    /** One name: its language ({@code en}, {@code de}, {@code fr}, {@code zh}), the phrase as written, and its case rule. */
    public record Alias(String lang, String phrase, boolean caseSensitive) {
    }
}
