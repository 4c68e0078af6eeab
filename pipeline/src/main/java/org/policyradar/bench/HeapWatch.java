package org.policyradar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.policyradar.bench.Benchmark.Figure;

/**
 * Samples the heap while the benchmark runs. Two figures, because "peak heap" means two things: the most heap in use
 * at one instant (live objects plus garbage not yet collected, which grows with whatever -Xmx allows), and the most
 * heap still in use right after a collection (what the work actually keeps alive, the floor below which -Xmx cannot
 * go). Summing each pool's own peak, as an earlier version did, adds peaks reached at different times and over-counts.
 */
public final class HeapWatch implements AutoCloseable {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long maxInUse;
    private volatile long maxAfterGc;

    public HeapWatch() {
        sampler = new Thread(this::sample, "bench-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            record();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record() {
        long inUse = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage u = pool.getCollectionUsage();
            afterGc += u == null ? 0 : u.getUsed();
        }
        maxInUse = Math.max(maxInUse, inUse);
        maxAfterGc = Math.max(maxAfterGc, afterGc);
    }

    /** The figures so far. */
    public List<Figure> figures() {
        record();
        long max = Runtime.getRuntime().maxMemory();
        return List.of(
                new Figure("peak heap in use", maxInUse / 1048576.0, "MB", "sampled every 50 ms; includes garbage, bounded by -Xmx "
                        + max / 1048576 + " MB"),
                new Figure("peak heap after GC", maxAfterGc / 1048576.0, "MB", "what the work keeps alive (sum of the heap pools after their last collection)"));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
