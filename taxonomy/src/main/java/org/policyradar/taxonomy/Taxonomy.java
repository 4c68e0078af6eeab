package org.policyradar.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyradar.yaml.IdRule;

/**
 * The validated taxonomy: topics (the six evaluated ones and further themes of the MERICS report), entities and
 * signal types, and the themes search expands across languages. Immutable; build it with {@link TaxonomyLoader}.
 *
 * @param source where it was loaded from, used in error messages of later compile steps
 */
public record Taxonomy(String source, String version, List<Topic> topics, List<Entity> entities, List<SignalType> signals,
                       List<Theme> themes) {

    /** The topics whose labels the gold data carries and the evaluation measures; the file must define all six. */
    /** Topic, entity, signal and theme ids; alerts.yaml's signal ids follow it too. */
    public static final IdRule ID = IdRule.of("[a-z0-9][a-z0-9-]*", "a-z, 0-9 and '-'", "ai-chips");

    public static final List<String> EVALUATED_TOPICS = List.of("5g", "ai", "blockchain", "quantum", "social-credit", "cyber");

    public Taxonomy {
        topics = List.copyOf(topics);
        entities = List.copyOf(entities);
        signals = List.copyOf(signals);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** A taxonomy without search themes. */
    public Taxonomy(String source, String version, List<Topic> topics, List<Entity> entities, List<SignalType> signals) {
        this(source, version, topics, entities, signals, List.of());
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Entity> entity(String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Map<String, Topic> topicsById() {
        return topics.stream().collect(Collectors.toUnmodifiableMap(Topic::id, Function.identity()));
    }
}
