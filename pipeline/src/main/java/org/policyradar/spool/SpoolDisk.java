package org.policyradar.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the spool's disk takes writes: once a batch could not be written (disk full, read-only), the spool refuses new
 * batches until a small durable write succeeds again, so a daemon stops fetching and classifying what it could not
 * keep, says why once in the log and in every refused poll, and resumes by itself when there is room.
 */
final class SpoolDisk {
    /** The spool's lines under one logger, whichever class writes them. */
    private static final Logger LOG = LoggerFactory.getLogger(ItemSpool.class);
    /** Bytes of the write that tells whether a refusing spool takes writes again. */
    private static final int PROBE_BYTES = 64 * 1024;

    private final Path pending;
    /** Why the last write failed; null while the spool takes writes. */
    private volatile String refusal;

    SpoolDisk(Path pending) {
        this.pending = pending;
    }

    /**
     * A batch could not be written to {@code tmp}: removes what was written and returns the error to throw, naming the
     * spool, the source and the reason. The caller commits nothing (the entries are fetched again), so nothing is lost.
     */
    IOException refusedBatch(IOException cause, Path tmp, String sourceId, int items) {
        discard(tmp, cause);
        String reason = refused(cause);
        return new IOException("spool " + pending.getParent() + " cannot take " + items + " items of source " + sourceId
                + ": " + reason + " (" + fix(reason) + "; the entries are fetched again on the next poll)", cause);
    }

    /** Throws, naming the spool and the reason, while the spool refuses writes; after a refusal, probes first. */
    void checkAccepting() throws IOException {
        if (refusal == null) {
            return;
        }
        Path probe = pending.resolve("probe-" + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(PROBE_BYTES));
            channel.force(true);
        } catch (IOException e) {
            discard(probe, e);
            String reason = refused(e);
            throw new IOException("spool " + pending.getParent() + " cannot take new batches: " + reason
                    + " (polling paused, nothing fetched; " + fix(reason) + " and polling resumes by itself)", e);
        }
        Files.deleteIfExists(probe);
        synchronized (this) {
            if (refusal != null) {
                LOG.info("event=spool_writable_again dir={} action=polling_resumed", pending.getParent());
                refusal = null;
            }
        }
    }

    /** Remembers why a write failed; logs it once when the spool goes from writable to refusing. */
    private synchronized String refused(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() // not the file name
                : e.getMessage() == null ? e.toString() : e.getMessage();
        if (refusal == null) {
            LOG.error("event=spool_unwritable dir={} reason=\"{}\" action=polling_paused", pending.getParent(), reason.replace('"', '\''));
        }
        refusal = reason;
        return reason;
    }

    private static String fix(String reason) {
        return reason.contains("Read-only") ? "make it writable" : reason.contains("No space") ? "free space there"
                : "free space there or make it writable";
    }

    /** Removes a file left by a failed write; on a read-only disk that fails too, which must not hide the first error. */
    private static void discard(Path file, IOException cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
