package org.policyradar.route;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task soon after it is requested, on one thread of its own, folding the requests that arrive while a run is
 * pending into that run. The daemon requests an alert evaluation after every poll that stored new items, so that an
 * alert follows its items within seconds instead of waiting for the periodic evaluation, while a burst of polls
 * still costs one evaluation at a time.
 */
public final class CoalescingTrigger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescingTrigger.class);

    private final String name;
    private final Runnable task;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread;

    public CoalescingTrigger(String name, Runnable task) {
        this.name = name;
        this.task = task;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "trigger-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run; returns at once. A request made while a run is waiting to start is part of that run. */
    public void request() {
        if (pending.compareAndSet(false, true) && !thread.isShutdown()) {
            thread.execute(() -> {
                pending.set(false); // requests from now on see data this run may miss: they get a run of their own
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("event=trigger_failed trigger={} reason=\"{}\"", name, String.valueOf(e.getMessage()).replace('"', '\''));
                }
            });
        }
    }

    /** Lets a run in progress finish (bounded), then stops; later requests are ignored. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("event=trigger_not_stopped trigger={} waited_s=30", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
