package org.policyradar.taxonomy;

import java.util.List;

/** A signal the MERICS report asks analysts to watch (self-reliance, dependency, bans, funding, targets, standards). */
public record SignalType(String id, Labels label, String definition, List<TermGroup> terms) {
    public SignalType {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
