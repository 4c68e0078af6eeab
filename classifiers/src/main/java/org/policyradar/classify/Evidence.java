package org.policyradar.classify;

/**
 * One taxonomy match that supports a topic: the matched surface text, where it was found and what it weighed.
 *
 * @param topic  taxonomy topic id the match counts for
 * @param term   the matched text as it appears in the item
 * @param rule   the taxonomy term or pattern that matched (so an analyst can find and edit it)
 * @param field  {@code title}, {@code summary} or {@code text}
 * @param begin  character offset of the match in that field (inclusive)
 * @param end    character offset of the match in that field (exclusive)
 * @param weight contribution to the topic's raw score, after the title boost
 */
public record Evidence(String topic, String term, String rule, String field, int begin, int end, double weight) {
}
