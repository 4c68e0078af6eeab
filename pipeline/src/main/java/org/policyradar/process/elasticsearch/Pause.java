package org.policyradar.process.elasticsearch;

/** A sleep that keeps the interrupt flag instead of throwing: the waits here are polls with their own deadlines. */
final class Pause {
    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
