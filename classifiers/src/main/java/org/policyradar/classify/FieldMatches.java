package org.policyradar.classify;

import java.util.List;

/** The matches found in one field of an item ({@code title}, {@code summary}, {@code text}). */
record FieldMatches(String field, String text, List<Match> matches) {

    boolean isTitle() {
        return "title".equals(field);
    }

    String surface(Match m) {
        return text.substring(m.begin(), m.end());
    }
}
