package org.policyradar.classify;

/**
 * One compiled taxonomy term: what it is for, how it is written and what it weighs.
 *
 * @param kind          whose term it is
 * @param targetId      topic, entity or signal id
 * @param text          the phrase or pattern as written in the taxonomy (shown as {@link Evidence#rule()})
 * @param lang          the phrase list it came from: {@code en}, {@code de}, {@code fr}, {@code zh}; TokensRegex: {@code en}
 * @param weight        body weight of one match
 * @param negative      true for a topic's negatives
 * @param caseSensitive Latin phrase must match with its case
 */
record Rule(Kind kind, String targetId, String text, String lang, double weight, boolean negative, boolean caseSensitive) {

    enum Kind { TOPIC, ENTITY, SIGNAL }

    /** The taxonomy key an analyst looks for, e.g. {@code ai: machine learning}. */
    String label() {
        return (negative ? "not " : "") + targetId + ": " + text;
    }
}
