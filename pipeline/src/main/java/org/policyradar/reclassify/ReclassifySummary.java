package org.policyradar.reclassify;

import java.time.Duration;
import java.util.List;

/**
 * What a run did.
 *
 * @param resumedFrom       items done by earlier runs of the same scope when this one resumed them (0: a fresh start)
 * @param processedThisRun  items this run read
 * @param total             items in the scope when the run began
 * @param state             the totals over this run and the runs it resumed
 * @param failures          the first failures, {@code id: reason}
 * @param classifying       wall time spent classifying (the pages' parallel classification steps)
 */
public record ReclassifySummary(long resumedFrom, long processedThisRun, long total, ReclassifyState state,
                                List<String> failures, Duration elapsed, Duration classifying) {

    public double itemsPerSecond() {
        return processedThisRun / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    /** Items per second of the classification steps alone: what the run would reach if reading and writing were free. */
    public double classifyingItemsPerSecond() {
        return processedThisRun / Math.max(1e-9, classifying.toNanos() / 1e9);
    }

    public List<String> lines() {
        ReclassifyState s = state;
        List<String> out = new java.util.ArrayList<>();
        out.add(String.format("reclassify: %s — %d item(s) this run%s, %d of %d in scope done", s.complete() ? "complete" : "stopped, resume with the same command",
                processedThisRun, resumedFrom > 0 ? " (resumed after " + resumedFrom + ")" : "", s.done(), total));
        out.add(String.format("  topics changed on %d item(s); %d rewritten by the ingestion meanwhile (kept); %d failed", s.changed(),
                s.conflicts(), s.failed()));
        java.util.Set<String> topics = new java.util.TreeSet<>(s.added().keySet());
        topics.addAll(s.removed().keySet());
        for (String t : topics) {
            out.add(String.format("  %-20s +%d -%d", t, s.added().getOrDefault(t, 0L), s.removed().getOrDefault(t, 0L)));
        }
        out.add(String.format("  %.1f s, %.1f items/s; classification alone %.1f items/s (%.2fx)", elapsed.toNanos() / 1e9,
                itemsPerSecond(), classifyingItemsPerSecond(), itemsPerSecond() / Math.max(1e-9, classifyingItemsPerSecond())));
        failures.forEach(f -> out.add("  failed " + f));
        return out;
    }
}
