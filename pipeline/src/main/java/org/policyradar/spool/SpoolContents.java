package org.policyradar.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What waits in a spool directory, read without touching it (a running daemon may be writing there): batches, items
 * per source, the oldest, the last error, and the dead letters. Lines are counted, not parsed or checked.
 */
public final class SpoolContents {
    /** One batch waiting. */
    public record Waiting(String file, String source, int items, Instant since, int refusals, String lastError, String lastTry) {
    }

    /** A source's share of the spool; {@code lastError} is that of its most recently tried batch. */
    public record PerSource(String source, int batches, int items, Instant oldest, int refusals, String lastError) {
    }

    private final Path dir;
    private final ObjectMapper json;

    public SpoolContents(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    /** Waiting batches, oldest first; none when the spool was never created. */
    public List<Waiting> waiting() throws IOException {
        Path pending = dir.resolve("pending");
        List<Waiting> out = new ArrayList<>();
        if (!Files.isDirectory(pending)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(pending)) {
            files = list.filter(p -> p.toString().endsWith(".batch")).sorted().toList();
        }
        for (Path file : files) {
            String source = "?";
            int items = 0;
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("#source ")) {
                        source = line.substring(8);
                    } else if (!line.isEmpty() && !line.startsWith("#")) {
                        items++;
                    }
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // taken by Elasticsearch while we read
            }
            ItemSpool.Attempts a = ItemSpool.readAttempts(file, json);
            out.add(new Waiting(file.getFileName().toString(), source, items, ItemSpool.since(file), a.refused(), a.lastError(), a.lastTry()));
        }
        return out;
    }

    /** Per source, in the order their oldest batches were spooled. */
    public Map<String, PerSource> bySource() throws IOException {
        Map<String, PerSource> out = new LinkedHashMap<>();
        Map<String, String> lastTry = new LinkedHashMap<>();
        for (Waiting w : waiting()) {
            PerSource p = out.get(w.source());
            boolean later = w.lastTry() != null && (lastTry.get(w.source()) == null || w.lastTry().compareTo(lastTry.get(w.source())) > 0);
            if (later) {
                lastTry.put(w.source(), w.lastTry());
            }
            out.put(w.source(), p == null
                    ? new PerSource(w.source(), 1, w.items(), w.since(), w.refusals(), w.lastError())
                    : new PerSource(w.source(), p.batches() + 1, p.items() + w.items(), p.oldest(), Math.max(p.refusals(), w.refusals()),
                            later ? w.lastError() : p.lastError()));
        }
        return out;
    }

    public List<DeadLetters.Letter> deadLetters() throws IOException {
        return new DeadLetters(dir.resolve("dead-letters.jsonl"), json, Clock.systemUTC()).list();
    }
}
