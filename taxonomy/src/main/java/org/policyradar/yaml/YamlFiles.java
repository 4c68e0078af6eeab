package org.policyradar.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The one YAML binding of every configuration file (sources.yaml, radar.yaml, alerts.yaml, the taxonomy): one Jackson
 * mapper, strict about unknown and null-for-primitive fields, and one way of turning a parse or binding failure into a
 * one-line message naming the file, the line and column and the fix.
 */
public final class YamlFiles {
    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final ConfigErrors errors;

    public YamlFiles(ConfigErrors errors) {
        this.errors = errors;
    }

    /** The file's top-level map; an empty or all-comment file is an empty map. */
    public ObjectNode readMap(Path file) {
        JsonNode node = readTree(file);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return mapper.createObjectNode();
        }
        if (!node.isObject()) {
            throw errors.create(file + ": the top level must be a map");
        }
        return (ObjectNode) node;
    }

    /** The file as a tree; null when it is empty. */
    public JsonNode readTree(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw errors.create(YamlError.oneLine(file.toString(), e), e);
        } catch (IOException e) {
            throw errors.create(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Binds YAML text to a record. A syntax error is reported like {@link #readTree}; a value that does not fit the
     * record (an unknown key, a list for a number) as "{@code source}: not {@code what} at line L, column C: ...; fix:
     * {@code fix}". Returns null for an empty text.
     */
    public <T> T readValue(String source, InputStream in, Class<T> type, String what, String fix) throws IOException {
        try {
            return mapper.readValue(in, type);
        } catch (StreamReadException e) {
            throw errors.create(YamlError.oneLine(source, e), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + (e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " (key '" + keyPath(m) + "')" : "");
            throw errors.create(source + ": not " + what + where + ": " + YamlError.firstLine(e.getOriginalMessage())
                    + "; fix: " + fix, e);
        }
    }

    /** {@code topics[3].terms[0].w}: where in the file a binding failed, in the words of the file's keys. */
    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    public ObjectNode emptyMap() {
        return mapper.createObjectNode();
    }
}
