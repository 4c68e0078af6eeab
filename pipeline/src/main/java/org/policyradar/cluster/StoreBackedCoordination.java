package org.policyradar.cluster;

import org.policyradar.fetch.FetchStateStore;
import org.policyradar.route.SeenEntryStore;

/** The per-source state both coordinations hand out; they differ in where it is kept, given here. */
abstract class StoreBackedCoordination implements Coordination {
    private final FetchStateStore fetchState;
    private final SeenEntryStore seen;

    StoreBackedCoordination(FetchStateStore fetchState, SeenEntryStore seen) {
        this.fetchState = fetchState;
        this.seen = seen;
    }

    @Override
    public final FetchStateStore fetchState() {
        return fetchState;
    }

    @Override
    public final SeenEntryStore seenEntries() {
        return seen;
    }
}
