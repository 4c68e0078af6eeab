package org.policyradar.spool;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.policyradar.index.BulkOutcome;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores items through the spool: each batch is made durable first, then bulk-indexed; a batch Elasticsearch could
 * not take (down, restarting, 429, read-only) stays spooled and is replayed later. Items Elasticsearch refuses for
 * good (mapping errors) are dead-lettered with their reason. Ids are stable, so replaying a batch twice (after a
 * crash between indexing and removal) leaves every item indexed exactly once.
 */
public final class SpoolingIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolingIndexer.class);

    /** What storing one batch did right away. {@code spooled}: items kept for later because Elasticsearch did not take them. */
    public record Result(int created, int updated, int failed, int spooled, String error) {
    }

    private final ItemSpool spool;
    private final ItemIndexer indexer;
    private final Runnable ensureIndices;
    private final BatchPreparer beforeIndexing;
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
            return new Result(0, 0, 0, 0, null);
        }
        ItemSpool.Batch batch = spool.append(sourceId, items);
        return flush(batch);
    }

    private synchronized Result flush(ItemSpool.Batch batch) throws IOException {
        if (!java.nio.file.Files.exists(batch.file())) {
            return new Result(0, 0, 0, 0, null); // another thread replayed it already
        }
        BulkOutcome outcome;
        try {
            if (!indicesReady) {
                ensureIndices.run();
                indicesReady = true;
            }
            outcome = indexer.index(beforeIndexing.prepare(batch.items()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=spooled source={} items={} file={} reason=\"{}\"", batch.sourceId(), batch.items().size(),
                    batch.file().getFileName(), String.valueOf(e.getMessage()).replace('"', '\''));
            return new Result(0, 0, 0, batch.items().size(), "elasticsearch unavailable: " + e.getMessage());
        }
        Map<String, Item> byId = new java.util.HashMap<>();
        batch.items().forEach(i -> byId.put(i.id(), i));
        List<Item> retry = new ArrayList<>();
        int failed = 0;
        for (BulkOutcome.Failure f : outcome.failures()) {
            if (f.temporary() && byId.containsKey(f.id())) {
                retry.add(byId.get(f.id()));
            } else {
                failed++;
                spool.deadLetter(batch.sourceId(), f.id(), f.url(), "HTTP " + f.status() + " " + f.reason());
            }
        }
        if (!retry.isEmpty()) {
            spool.append(batch.sourceId(), retry); // only what is left; the dead letters are not retried
        }
        spool.complete(batch);
        return new Result(outcome.created(), outcome.updated(), failed, retry.size(),
                retry.isEmpty() ? null : retry.size() + " items rejected temporarily (429/5xx/write block), kept in the spool");
    }

    /** Tries every pending batch once, oldest first; returns how many batches are still pending. */
    public int replay() {
        try {
            for (ItemSpool.Batch batch : spool.pending()) {
                if (batch.items().isEmpty()) {
                    spool.complete(batch);
                    continue;
                }
                Result r = flush(batch);
                if (r.spooled() > 0) {
                    break; // Elasticsearch is still unavailable: try again later
                }
                LOG.info("event=spool_replayed source={} created={} updated={} failed={}", batch.sourceId(), r.created(),
                        r.updated(), r.failed());
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
}
