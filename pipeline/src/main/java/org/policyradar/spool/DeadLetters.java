package org.policyradar.spool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items Elasticsearch refused for good, and damaged spool lines, one JSON line each in {@code dead-letters.jsonl}, with
 * the reason and the item itself, so that {@code radar spool retry} can send them again once the cause is fixed.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** One dead letter; {@code item} is null for a damaged spool line (nothing left to send). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Letter(String time, String source, String id, String url, String reason, Integer attempts, Item item) {
    }

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;

    DeadLetters(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = json;
        this.clock = clock;
    }

    /** Appends one dead letter (flushed to disk) and logs it; a write failure is logged, never thrown. */
    public synchronized void add(String sourceId, String itemId, String url, String reason, int attempts, Item item) {
        Letter letter = new Letter(clock.instant().toString(), sourceId, itemId, url, reason, attempts == 0 ? null : attempts, item);
        try {
            Files.writeString(file, json.writeValueAsString(letter) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            LOG.error("event=dead_letter_not_written source={} id={} reason=\"{}\"", sourceId, itemId, e.getMessage());
        }
        LOG.warn("event=dead_letter source={} id={} url={} attempts={} reason=\"{}\"", sourceId, itemId, url, attempts,
                reason.replace('"', '\''));
    }

    public synchronized List<Letter> list() throws IOException {
        List<Letter> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readValue(line, Letter.class));
            }
        }
        return out;
    }

    /**
     * Moves every dead letter that carries its item into {@code spool} as new batches (one per source, no attempts
     * counted) and keeps only the rest (damaged lines) here. Batches are durable before the file is rewritten: a crash
     * in between leaves an item both spooled and dead-lettered, and sending it twice writes the same document.
     *
     * @return the items re-spooled, per source
     */
    synchronized Map<String, Integer> requeue(ItemSpool spool) throws IOException {
        Map<String, Map<String, Item>> bySource = new LinkedHashMap<>(); // by id: an item dead-lettered twice goes once
        List<String> kept = new ArrayList<>();
        for (Letter letter : list()) {
            if (letter.item() != null) {
                bySource.computeIfAbsent(letter.source(), s -> new LinkedHashMap<>()).put(letter.item().id(), letter.item());
            } else {
                kept.add(json.writeValueAsString(letter));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Item>> e : bySource.entrySet()) {
            spool.append(e.getKey(), List.copyOf(e.getValue().values()));
            counts.put(e.getKey(), e.getValue().size());
        }
        if (!bySource.isEmpty()) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return counts;
    }

    public Path file() {
        return file;
    }
}
