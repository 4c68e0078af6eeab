package org.policyradar.taxonomy;

import java.util.List;

/**
 * A topic analysts track. A topic with a {@code parent} is a subtopic: its evidence also counts for the parent.
 *
 * @param terms     what speaks for the topic
 * @param negatives what speaks against it: a negative match that overlaps a positive one cancels it
 *                  (QuantumScape, credit card); elsewhere in the item it subtracts its weight
 * @param threshold score in [0,1] from which the topic is assigned; null means the classifier's default
 * @param actors    ids of related entities (organisations, instruments)
 */
public record Topic(String id,
                    Labels label,
                    String definition,
                    String parent,
                    Double threshold,
                    List<TermGroup> terms,
                    List<TermGroup> negatives,
                    List<String> actors) {
    public Topic {
        terms = terms == null ? List.of() : List.copyOf(terms);
        negatives = negatives == null ? List.of() : List.copyOf(negatives);
        actors = actors == null ? List.of() : List.copyOf(actors);
    }
}
