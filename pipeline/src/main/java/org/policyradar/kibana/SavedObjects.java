package org.policyradar.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Kibana saved-objects export (NDJSON): one JSON object a line, or a parse error for that line. */
public record SavedObjects(List<Line> lines) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One non-blank line: its number, and either the parsed object or why it did not parse. */
    public record Line(int number, ObjectNode object, String parseError) {
        public String type() {
            return object == null ? "?" : object.path("type").asText("?");
        }

        public String id() {
            return object == null ? "line " + number : object.path("id").asText("line " + number);
        }
    }

    public static SavedObjects read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static SavedObjects parse(String ndjson) {
        List<Line> lines = new ArrayList<>();
        String[] raw = ndjson.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(raw[i]);
                if (node instanceof ObjectNode o) {
                    lines.add(new Line(i + 1, o, null));
                } else {
                    lines.add(new Line(i + 1, null, "not a JSON object"));
                }
            } catch (IOException e) {
                lines.add(new Line(i + 1, null, "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return new SavedObjects(lines);
    }
}
