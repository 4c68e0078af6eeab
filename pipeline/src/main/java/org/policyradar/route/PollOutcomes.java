package org.policyradar.route;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Collects poll outcomes and passes each to the listeners (summary printing, source health). */
public final class PollOutcomes {
    private final List<PollOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<Consumer<PollOutcome>> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Consumer<PollOutcome> listener) {
        listeners.add(listener);
    }

    public void record(PollOutcome outcome) {
        outcomes.add(outcome);
        listeners.forEach(l -> l.accept(outcome));
    }

    public List<PollOutcome> all() {
        return new ArrayList<>(outcomes);
    }
}
