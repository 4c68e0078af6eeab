package org.policyradar.classify;

/**
 * A mention of a taxonomy actor or instrument (Huawei, CAC, Made in China 2025, ...).
 *
 * @param id    taxonomy entity id
 * @param kind  {@code organisation}, {@code instrument}, ...
 * @param name  the entity's canonical English name
 * @param term  the surface text matched
 * @param field {@code title}, {@code summary} or {@code text}
 */
public record EntityMention(String id, String kind, String name, String term, String field, int begin, int end) {
}
