package org.policyradar.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code maxConcurrentPerHost} requests in flight to one host, and request starts to one
 * host at least {@code minDelay} apart. Slots are reserved in arrival order, so concurrent callers queue up instead of
 * all firing when the delay ends. One instance must be shared by everything that fetches (it is the only place that
 * knows what else is going to a host); it is thread-safe.
 */
public final class HostThrottle {
    private final Duration minDelay;
    private final int maxConcurrentPerHost;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    public HostThrottle(Duration minDelay, int maxConcurrentPerHost) {
        if (minDelay.isNegative() || maxConcurrentPerHost < 1) {
            throw new IllegalArgumentException("minDelay must be >= 0 and maxConcurrentPerHost >= 1");
        }
        this.minDelay = minDelay;
        this.maxConcurrentPerHost = maxConcurrentPerHost;
    }

    /** One second between requests to a host, two in flight at most. */
    public static HostThrottle defaults() {
        return new HostThrottle(Duration.ofSeconds(1), 2);
    }

    /** No delay and no concurrency limit worth the name: for tests and for sources that are our own. */
    public static HostThrottle none() {
        return new HostThrottle(Duration.ZERO, Integer.MAX_VALUE);
    }

    public Duration minDelay() {
        return minDelay;
    }

    /** A held slot; closing it lets the next request to the host go. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a slot for the host, with the default delay. */
    public Permit acquire(String host) throws InterruptedException {
        return acquire(host, minDelay);
    }

    /**
     * Waits for a slot for the host, keeping at least {@code delay} (or the default delay if that is longer, e.g. a
     * robots.txt Crawl-delay) since the previous request start to that host.
     */
    public Permit acquire(String host, Duration delay) throws InterruptedException {
        HostState state = hosts.computeIfAbsent(key(host), h -> new HostState(maxConcurrentPerHost));
        state.inFlight.acquire();
        long wait;
        try {
            long gap = Math.max(minDelay.toNanos(), delay == null ? 0 : delay.toNanos());
            synchronized (state) {
                long now = System.nanoTime();
                long start = state.started ? Math.max(now, state.nextStart) : now;
                state.nextStart = start + gap;
                state.started = true;
                wait = start - now;
            }
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        } catch (InterruptedException | RuntimeException e) {
            state.inFlight.release();
            throw e;
        }
        return state.inFlight::release;
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static final class HostState {
        final Semaphore inFlight;
        long nextStart;
        boolean started;

        HostState(int permits) {
            this.inFlight = new Semaphore(permits, true);
        }
    }
}
