package org.policyradar.app;

import java.util.Map;

/** What {@code radar spool retry} did: dead letters put back per source, batches still waiting, items refused again. */
public record DeadLetterRetry(Map<String, Integer> requeued, int stillWaiting, int deadLetteredAgain) {
    public int requeuedItems() {
        return requeued.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean allIndexed() {
        return stillWaiting == 0 && deadLetteredAgain == 0;
    }
}
