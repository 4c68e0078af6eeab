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
    public record Batch(Path file, String sourceId, List<Item> items, int damagedLines) {
    }

    private final Path pending;
    private final Path deadLetters;
    private final ObjectMapper json;
    private final Clock clock;

    public ItemSpool(Path dir, ObjectMapper json, Clock clock) {
        this.pending = dir.resolve("pending");
        this.deadLetters = dir.resolve("dead-letters.jsonl");
        this.json = json;
        this.clock = clock;
        try {
            Files.createDirectories(pending);
            try (Stream<Path> files = Files.list(pending)) {
                for (Path tmp : files.filter(p -> p.toString().endsWith(".tmp")).toList()) {
                    LOG.warn("event=spool_partial_write_discarded file={} reason=crash_before_commit", tmp);
                    Files.delete(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool " + dir, e);
        }
    }

    /** Writes a batch durably (fsync + atomic rename) and returns it. */
    public Batch append(String sourceId, List<Item> items) throws IOException {
        String name = String.format("%020d-%s-%s", clock.millis() * 1000 + System.nanoTime() % 1000, sourceId,
                UUID.randomUUID().toString().substring(0, 8));
        Path tmp = pending.resolve(name + ".tmp");
        Path file = pending.resolve(name + ".batch");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write("#source " + sourceId + "\n");
            for (Item item : items) {
                String line = json.writeValueAsString(item);
                writer.write(crc(line) + " " + line + "\n");
            }
            writer.flush();
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new Batch(file, sourceId, items, 0);
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
            }
        }
        return new Batch(file, sourceId, items, damaged);
    }

    /** Elasticsearch has the batch: remove it. */
    public void complete(Batch batch) throws IOException {
        Files.deleteIfExists(batch.file());
    }

    /** Records an item Elasticsearch refused for good (or a damaged spool line), visible to analysts and in logs. */
    public synchronized void deadLetter(String sourceId, String itemId, String url, String reason) {
        var record = new java.util.LinkedHashMap<String, Object>();
        record.put("time", clock.instant().toString());
        record.put("source", sourceId);
        record.put("id", itemId);
        record.put("url", url);
        record.put("reason", reason);
        try {
            Files.writeString(deadLetters, json.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("event=dead_letter_not_written source={} id={} reason=\"{}\"", sourceId, itemId, e.getMessage());
        }
        LOG.warn("event=dead_letter source={} id={} url={} reason=\"{}\"", sourceId, itemId, url, reason.replace('"', '\''));
    }

    public Path deadLetterFile() {
        return deadLetters;
    }

    private static String crc(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
