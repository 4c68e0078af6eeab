package org.policyradar.classify;

/**
 * A signal the report asks analysts to track (self-reliance, dependency, ban, funding, target, standard-setting),
 * or a cheap numeric mention (money, percent, year) with its text.
 */
public record Signal(String kind, String term, String field, int begin, int end) {
}
