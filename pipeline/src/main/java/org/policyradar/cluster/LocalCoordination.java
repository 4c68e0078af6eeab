package org.policyradar.cluster;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.policyradar.fetch.FileFetchStateStore;
import org.policyradar.route.FileSeenEntryStore;

/** The single-machine default: {@code DATA_DIR/fetch-state.json}, {@code DATA_DIR/seen/}, Quartz in memory. */
public final class LocalCoordination extends StoreBackedCoordination {

    public LocalCoordination(Path dataDir) {
        super(new FileFetchStateStore(dataDir.resolve("fetch-state.json")), new FileSeenEntryStore(dataDir.resolve("seen")));
    }

    @Override
    public boolean clustered() {
        return false;
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
