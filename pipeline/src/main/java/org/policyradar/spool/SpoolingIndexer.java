package org.policyradar.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.policyradar.index.BulkOutcome;
import org.policyradar.index.EsFailures;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores items through the spool: each batch is made durable first, then bulk-indexed. What decides a batch's fate is
 * the kind of failure ({@link EsFailures}): a batch Elasticsearch could not take for a transient reason (down,
 * restarting, 429, 5xx, read-only) stays spooled as long as it takes and is replayed later; a permanent refusal (a 400,
 * a mapping error) is tried {@link #MAX_REFUSALS} times in all, counted in the spool across runs, and then dead-lettered
 * with its reason, so nothing is retried forever. A permanent failure of the near-duplicate step never holds items:
 * they are indexed unmarked. Ids are stable, so replaying a batch twice (after a crash between indexing and removal)
 * leaves every item indexed exactly once.
 */
public final class SpoolingIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolingIndexer.class);
    /** Permanent refusals of a batch or an item before it is dead-lettered. */
    public static final int MAX_REFUSALS = 3;

    /**
     * What storing one batch did right away. {@code spooled}: items kept for later; {@code unavailable}: because
     * Elasticsearch could not be reached or took nothing for a transient reason (later batches would fare alike).
     */
    public record Result(int created, int updated, int failed, int spooled, String error, boolean unavailable) {
        static final Result NOTHING = new Result(0, 0, 0, 0, null, false);
    }

    private final ItemSpool spool;
    private final ItemIndexer indexer;
    private final Runnable ensureIndices;
    private final BatchPreparer beforeIndexing;
    private final AtomicInteger deadLettered = new AtomicInteger();
    private volatile boolean indicesReady;

    /** Last step before a batch is sent (near-duplicate marking); may consult Elasticsearch. */
    @FunctionalInterface
    public interface BatchPreparer {
        List<Item> prepare(List<Item> items) throws IOException;
    }

    /**
     * @param ensureIndices creates templates and aliases; run before the first write that reaches Elasticsearch
     *                      (Elasticsearch may be down when the process starts)
     */
    public SpoolingIndexer(ItemSpool spool, ItemIndexer indexer, Runnable ensureIndices) {
        this(spool, indexer, ensureIndices, items -> items);
    }

    public SpoolingIndexer(ItemSpool spool, ItemIndexer indexer, Runnable ensureIndices, BatchPreparer beforeIndexing) {
        this.spool = spool;
        this.indexer = indexer;
        this.ensureIndices = ensureIndices;
        this.beforeIndexing = beforeIndexing;
    }

    public Result store(String sourceId, List<Item> items) throws IOException {
        if (items.isEmpty()) {
            return Result.NOTHING;
        }
        ItemSpool.Batch batch = spool.append(sourceId, items);
        return flush(batch);
    }

    private synchronized Result flush(ItemSpool.Batch batch) throws IOException {
        if (!Files.exists(batch.file())) {
            return Result.NOTHING; // another thread replayed it already
        }
        try {
            if (!indicesReady) {
                ensureIndices.run();
                indicesReady = true;
            }
        } catch (RuntimeException e) {
            // Without its indices nothing can be written, whatever the items: they wait, the error is shown.
            return keep(batch, e, true);
        }
        BulkOutcome outcome;
        try {
            outcome = indexer.index(prepare(batch));
        } catch (IOException | RuntimeException e) {
            return keep(batch, e, EsFailures.isTransient(e));
        }
        return settle(batch, outcome);
    }

    /** Near-duplicate marking; when it fails for a reason waiting does not cure, the items go unmarked rather than wait. */
    private List<Item> prepare(ItemSpool.Batch batch) throws IOException {
        try {
            return beforeIndexing.prepare(batch.items());
        } catch (IOException | RuntimeException e) {
            if (EsFailures.isTransient(e)) {
                throw e;
            }
            LOG.warn("event=near_duplicate_skipped source={} items={} reason=\"{}\" action=indexed_unmarked", batch.sourceId(),
                    batch.items().size(), quote(EsFailures.describe(e)));
            return batch.items();
        }
    }

    /** The whole request failed: keep the batch, counting a permanent refusal, or dead-letter it after the last one. */
    private Result keep(ItemSpool.Batch batch, Exception e, boolean transientFailure) throws IOException {
        String reason = EsFailures.describe(e);
        int n = batch.items().size();
        if (transientFailure) {
            spool.recordFailure(batch, false, reason);
            LOG.warn("event=spooled source={} items={} file={} reason=\"{}\"", batch.sourceId(), n, batch.file().getFileName(), quote(reason));
            return new Result(0, 0, 0, n, "elasticsearch unavailable: " + reason, true);
        }
        int refusals = spool.recordFailure(batch, true, reason).refused();
        if (refusals < MAX_REFUSALS) {
            LOG.warn("event=batch_refused source={} items={} file={} refusals={} max={} reason=\"{}\"", batch.sourceId(), n,
                    batch.file().getFileName(), refusals, MAX_REFUSALS, quote(reason));
            return new Result(0, 0, 0, n, "refused (" + refusals + " of " + MAX_REFUSALS + " tries): " + reason, false);
        }
        batch.items().forEach(i -> spool.deadLetter(batch.sourceId(), i, reason, refusals));
        deadLettered.addAndGet(n);
        spool.complete(batch);
        return new Result(0, 0, n, 0, n + " items dead-lettered after " + refusals + " refusals: " + reason, false);
    }

    /** Item by item: indexed, kept for a transient refusal, kept for another try, or dead-lettered after the last. */
    private Result settle(ItemSpool.Batch batch, BulkOutcome outcome) throws IOException {
        Map<String, Item> byId = new HashMap<>();
        batch.items().forEach(i -> byId.put(i.id(), i));
        List<Item> waiting = new ArrayList<>();
        List<Item> refused = new ArrayList<>();
        String refusal = null;
        int failed = 0;
        int refusals = batch.attempts().refused() + 1;
        for (BulkOutcome.Failure f : outcome.failures()) {
            Item item = byId.get(f.id());
            String reason = "HTTP " + f.status() + " " + f.reason();
            if (item == null) {
                failed++;
                spool.deadLetter(batch.sourceId(), f.id(), f.url(), reason);
            } else if (f.temporary()) {
                waiting.add(item);
            } else if (refusals < MAX_REFUSALS) {
                refused.add(item);
                refusal = reason;
            } else {
                failed++;
                deadLettered.incrementAndGet();
                spool.deadLetter(batch.sourceId(), item, reason, refusals);
            }
        }
        if (!waiting.isEmpty()) { // only what is left; the dead letters are not retried
            spool.append(batch.sourceId(), waiting, batch.attempts());
        }
        if (!refused.isEmpty()) {
            spool.append(batch.sourceId(), refused, new ItemSpool.Attempts(refusals, refusal, null));
        }
        spool.complete(batch);
        int kept = waiting.size() + refused.size();
        String error = waiting.isEmpty() ? null : waiting.size() + " items rejected temporarily (429/5xx/write block), kept in the spool";
        if (!refused.isEmpty()) {
            error = (error == null ? "" : error + "; ") + refused.size() + " items refused (" + refusals + " of " + MAX_REFUSALS
                    + " tries): " + refusal;
        }
        return new Result(outcome.created(), outcome.updated(), failed, kept, error, !waiting.isEmpty());
    }

    /**
     * Tries every pending batch once, oldest first, stopping at the first that Elasticsearch could not take for a
     * transient reason; returns how many batches are still pending.
     */
    public int replay() {
        try {
            for (ItemSpool.Batch batch : spool.pending()) {
                if (batch.items().isEmpty()) {
                    spool.complete(batch);
                    continue;
                }
                Result r = flush(batch);
                if (r.unavailable()) {
                    break; // Elasticsearch is still unavailable: try again later
                }
                LOG.info("event=spool_replayed source={} created={} updated={} failed={} kept={}", batch.sourceId(), r.created(),
                        r.updated(), r.failed(), r.spooled());
            }
        } catch (IOException e) {
            LOG.warn("event=spool_replay_failed reason=\"{}\"", e.getMessage());
        }
        return spool.pendingCount();
    }

    /** Replays until nothing is pending or the timeout passes; returns the batches left. */
    public int drain(Duration timeout, Function<Integer, Duration> backoff) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int left = replay();
        for (int attempt = 1; left > 0 && System.nanoTime() < deadline; attempt++) {
            LOG.info("event=spool_waiting pending_batches={} attempt={}", left, attempt);
            try {
                Thread.sleep(Math.min(backoff.apply(attempt).toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = replay();
        }
        return left;
    }

    /** Throws, naming the spool and the reason, while the spool cannot take new batches (see {@link ItemSpool#checkAccepting}). */
    public void checkAccepting() throws IOException {
        spool.checkAccepting();
    }

    /** Items dead-lettered by this indexer since it was made (a run's count). */
    public int deadLettered() {
        return deadLettered.get();
    }

    /** Which of these item ids Elasticsearch holds now (see {@link ItemIndexer#existing}). */
    public Set<String> existing(Collection<String> ids) throws IOException {
        return indexer.existing(ids);
    }

    public void refresh() throws IOException {
        indexer.refresh();
    }

    public ItemSpool spool() {
        return spool;
    }

    private static String quote(String s) {
        return String.valueOf(s).replace('"', '\'');
    }
}
