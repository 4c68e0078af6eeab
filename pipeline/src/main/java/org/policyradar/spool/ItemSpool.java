package org.policyradar.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead spool of classified items under {@code DATA_DIR/spool}: every batch is made durable here before it
 * is sent to Elasticsearch and removed only once Elasticsearch has taken it, so items survive Elasticsearch being
 * down and the process being killed.
 *
 * <p>Crash safety: a batch is written to a {@code .tmp} file, fsync'd, then atomically renamed to {@code .batch};
 * a crash mid-write leaves only a {@code .tmp}, which is deleted on open. Each line carries a CRC-32 of its JSON, so
 * a damaged line is detected, dead-lettered with its reason and skipped, never fatal.
 */
public final class ItemSpool {
    private static final Logger LOG = LoggerFactory.getLogger(ItemSpool.class);

    /** A durable batch waiting for Elasticsearch. */
    public record Batch(Path file, String sourceId, List<Item> items, int damagedLines, Attempts attempts) {
    }

    /**
     * What tries of a batch failed, kept beside it ({@code NAME.state}) across runs: {@code refused} counts only
     * permanent refusals (a batch may wait out an outage of any length), {@code lastError} is the latest failure of
     * either kind.
     */
    public record Attempts(int refused, String lastError, String lastTry) {
        static final Attempts NONE = new Attempts(0, null, null);
    }

    private final Path pending;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Clock clock;
    private final SpoolDisk disk;

    public ItemSpool(Path dir, ObjectMapper json, Clock clock) {
        this.pending = dir.resolve("pending");
        this.deadLetters = new DeadLetters(dir.resolve("dead-letters.jsonl"), json, clock);
        this.json = json;
        this.clock = clock;
        this.disk = new SpoolDisk(pending);
        try {
            Files.createDirectories(pending);
            try (Stream<Path> files = Files.list(pending)) {
                for (Path tmp : files.filter(p -> p.toString().endsWith(".tmp")).toList()) {
                    LOG.warn("event=spool_partial_write_discarded file={} reason=crash_before_commit", tmp);
                    Files.delete(tmp);
                }
            }
            try (Stream<Path> files = Files.list(pending)) {
                for (Path state : files.filter(p -> p.toString().endsWith(".state")).toList()) {
                    String name = state.getFileName().toString();
                    if (!Files.exists(state.resolveSibling(name.substring(0, name.length() - ".state".length()) + ".batch"))) {
                        Files.delete(state); // its batch was completed, or never committed
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool " + dir, e);
        }
    }

    /** Writes a batch durably (fsync + atomic rename) and returns it. */
    public Batch append(String sourceId, List<Item> items) throws IOException {
        return append(sourceId, items, Attempts.NONE);
    }

    /** Writes a batch that carries the attempts of the batch it comes from (what is left of a partly refused one). */
    public Batch append(String sourceId, List<Item> items, Attempts attempts) throws IOException {
        String name = String.format("%020d-%s-%s", clock.millis() * 1000 + System.nanoTime() % 1000, sourceId,
                UUID.randomUUID().toString().substring(0, 8));
        Path tmp = pending.resolve(name + ".tmp");
        Path file = pending.resolve(name + ".batch");
        try {
            write(tmp, sourceId, items);
        } catch (IOException e) {
            // Disk full or read-only: the batch is refused whole, and the caller commits nothing (the entries are
            // fetched again later), so nothing is lost; the half-written file must not fill the disk further.
            throw disk.refusedBatch(e, tmp, sourceId, items.size());
        }
        if (attempts.refused() > 0 || attempts.lastError() != null) {
            writeAttempts(file, attempts); // before the batch is visible: a crash leaves only a stray .state
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new Batch(file, sourceId, items, 0, attempts);
    }

    /**
     * Throws, naming the spool and the reason, while the spool refuses writes (see {@link SpoolDisk#checkAccepting}).
     */
    public void checkAccepting() throws IOException {
        disk.checkAccepting();
    }

    private void write(Path tmp, String sourceId, List<Item> items) throws IOException {
        List<String> lines = new ArrayList<>(items.size());
        for (Item item : items) {
            String line = json.writeValueAsString(item);
            lines.add(crc(line) + " " + line);
        }
        writeDurably(tmp, sourceId, lines);
    }

    /** The source header and the checked lines, fsync'd; {@code tmp} must not exist yet. */
    private static void writeDurably(Path tmp, String sourceId, List<String> checkedLines) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write("#source " + sourceId + "\n");
            for (String line : checkedLines) {
                writer.write(line + "\n");
            }
            writer.flush();
            channel.force(true);
        }
    }

    /**
     * Records a failed try of a batch; {@code permanent} ones count towards its dead-lettering.
     *
     * @return the batch's attempts now
     */
    public Attempts recordFailure(Batch batch, boolean permanent, String error) throws IOException {
        Attempts now = new Attempts(attempts(batch.file()).refused() + (permanent ? 1 : 0), error, clock.instant().toString());
        writeAttempts(batch.file(), now);
        return now;
    }

    private void writeAttempts(Path batchFile, Attempts attempts) throws IOException {
        Path state = stateFile(batchFile);
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(tmp, json.writeValueAsString(attempts), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Attempts attempts(Path batchFile) {
        return readAttempts(batchFile, json);
    }

    /** A batch's attempts as recorded beside it; none when nothing failed yet (or the record is unreadable: logged). */
    static Attempts readAttempts(Path batchFile, ObjectMapper json) {
        Path state = stateFile(batchFile);
        if (!Files.exists(state)) {
            return Attempts.NONE;
        }
        try {
            return json.readValue(Files.readString(state, StandardCharsets.UTF_8), Attempts.class);
        } catch (IOException e) {
            LOG.warn("event=spool_state_unreadable file={} reason=\"{}\"", state, String.valueOf(e.getMessage()).replace('"', '\''));
            return Attempts.NONE;
        }
    }

    private static Path stateFile(Path batchFile) {
        String name = batchFile.getFileName().toString();
        return batchFile.resolveSibling(name.substring(0, name.length() - ".batch".length()) + ".state");
    }

    /** When a batch was first written: its file name starts with that time in microseconds. */
    static java.time.Instant since(Path batchFile) {
        String name = batchFile.getFileName().toString();
        return java.time.Instant.ofEpochMilli(Long.parseLong(name.substring(0, 20)) / 1000);
    }

    /** Batches still waiting, oldest first; damaged lines are dead-lettered as they are read. */
    public List<Batch> pending() throws IOException {
        List<Batch> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(pending)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".batch")).sorted().toList()) {
                out.add(read(file));
            }
        }
        return out;
    }

    public int pendingCount() {
        try (Stream<Path> files = Files.list(pending)) {
            return (int) files.filter(p -> p.toString().endsWith(".batch")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private Batch read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String sourceId = !lines.isEmpty() && lines.get(0).startsWith("#source ") ? lines.get(0).substring(8) : "?";
        List<Item> items = new ArrayList<>();
        List<String> intact = new ArrayList<>();
        int damaged = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String reason = null;
            if (space != 8) {
                reason = "no checksum";
            } else if (!crc(line.substring(9)).equals(line.substring(0, 8))) {
                reason = "checksum mismatch";
            } else {
                try {
                    items.add(json.readValue(line.substring(9), Item.class));
                } catch (IOException e) {
                    reason = "unreadable JSON: " + e.getMessage();
                }
            }
            if (reason != null) {
                damaged++;
                deadLetter(sourceId, null, null, "spool file " + file.getFileName() + " line " + (i + 1) + ": " + reason);
            } else {
                intact.add(line);
            }
        }
        if (damaged > 0) {
            dropDamagedLines(file, sourceId, intact);
        }
        return new Batch(file, sourceId, items, damaged, attempts(file));
    }

    /**
     * Rewrites a batch without the damaged lines just dead-lettered, so that a batch waiting through many replays
     * dead-letters them once. Dead letters first, then the rewrite: a crash in between dead-letters a line twice, never
     * loses it. A spool that cannot be rewritten (read-only) keeps the batch as it is; logged.
     */
    private void dropDamagedLines(Path file, String sourceId, List<String> intact) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            writeDurably(tmp, sourceId, intact);
        } catch (IOException e) {
            LOG.warn("event=spool_rewrite_failed file={} reason=\"{}\"", file, String.valueOf(e.getMessage()).replace('"', '\''));
            return;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("event=spool_rewrite_failed file={} reason=\"{}\"", file, String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }

    /** Elasticsearch has the batch: remove it. */
    public void complete(Batch batch) throws IOException {
        Files.deleteIfExists(batch.file());
        Files.deleteIfExists(stateFile(batch.file()));
    }

    /** Records an item Elasticsearch refused for good (or a damaged spool line), visible to analysts and in logs. */
    public void deadLetter(String sourceId, String itemId, String url, String reason) {
        deadLetters.add(sourceId, itemId, url, reason, 0, null);
    }

    /** Dead-letters an item after {@code attempts} refusals, keeping the item so that it can be sent again. */
    public void deadLetter(String sourceId, Item item, String reason, int attempts) {
        deadLetters.add(sourceId, item.id(), item.url(), reason, attempts, item);
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** Puts every dead letter that has its item back into the spool; returns the items per source. */
    public java.util.Map<String, Integer> requeueDeadLetters() throws IOException {
        return deadLetters.requeue(this);
    }

    public Path deadLetterFile() {
        return deadLetters.file();
    }

    private static String crc(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
