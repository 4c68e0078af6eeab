package org.policyradar.cluster;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.FileFetchStateStore;
import org.policyradar.route.FileSeenEntryStore;
import org.policyradar.route.SeenEntryStore;

/** The single-machine default: {@code DATA_DIR/fetch-state.json}, {@code DATA_DIR/seen/}, Quartz in memory. */
public final class LocalCoordination implements Coordination {
    private final FetchStateStore fetchState;
    private final SeenEntryStore seen;

    public LocalCoordination(Path dataDir) {
        this.fetchState = new FileFetchStateStore(dataDir.resolve("fetch-state.json"));
        this.seen = new FileSeenEntryStore(dataDir.resolve("seen"));
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public FetchStateStore fetchState() {
        return fetchState;
    }

    @Override
    public SeenEntryStore seenEntries() {
        return seen;
    }

    @Override
    public void prepare(CamelContext camel) {
        // Camel's default Quartz component: an in-memory scheduler of this process.
    }

    @Override
    public void exclusively(String job, Runnable body) {
        body.run(); // one process: its callers already serialise (CoalescingTrigger, stateful Quartz jobs)
    }

    @Override
    public void close() {
    }
}
