package org.policyradar.classify;

/** A rule matched a span of a field: character offsets in that field's text. */
record Match(Rule rule, int begin, int end) {

    boolean overlaps(Match other) {
        return begin < other.end && other.begin < end;
    }

    boolean within(Match other) {
        return begin >= other.begin && end <= other.end;
    }

    int length() {
        return end - begin;
    }
}
