package org.policyradar.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one validation layer of the configuration files: a map of a YAML file read key by key, every check (unknown
 * keys, required keys, ids, types, ranges) failing with one message shape, "{@code where}: key '{@code prefix}key':
 * what is wrong; the fix", where {@code where} names the file and the entry (e.g. {@code sources.yaml: source
 * 'miit-policy'}) and {@code prefix} the enclosing keys (e.g. {@code smtp.}).
 */
public final class YamlMap {
    private final String where;
    private final String prefix;
    private final ObjectNode node;
    private final ConfigErrors errors;

    private YamlMap(String where, String prefix, ObjectNode node, ConfigErrors errors) {
        this.where = where;
        this.prefix = prefix;
        this.node = node;
        this.errors = errors;
    }

    public static YamlMap of(String where, ObjectNode node, ConfigErrors errors) {
        return new YamlMap(where, "", node, errors);
    }

    /**
     * A list entry or other value that must be a map; {@code shape} says what it must look like ("must be a map with
     * keys id, query").
     */
    public static YamlMap entry(String where, JsonNode node, ConfigErrors errors, String shape) {
        if (node == null || !node.isObject()) {
            throw errors.create(where + ": " + shape);
        }
        return new YamlMap(where, "", (ObjectNode) node, errors);
    }

    /** The map under {@code key} with its keys checked against {@code allowed}; empty when the key is absent or null. */
    public Optional<YamlMap> map(String key, Set<String> allowed) {
        return map(key, "must be a map with keys " + new TreeSet<>(allowed)).map(m -> m.checkKeys(allowed));
    }

    /** The map under {@code key}; {@code shape} completes "key 'k' ..." when it is not a map. */
    public Optional<YamlMap> map(String key, String shape) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw errors.create(where + ": key '" + key(key) + "' " + shape);
        }
        return Optional.of(new YamlMap(where, prefix + key + ".", (ObjectNode) v, errors));
    }

    /** A list entry with its id; {@code map} reports problems as "where: noun 'id'". */
    public record Entry(String id, YamlMap map) {
    }

    /**
     * The list under {@code key} whose entries are maps with an {@code id} following {@code rule}, unique in the list.
     * An entry is reported as "where: noun #n" until its id is read, then as "where: noun 'id'". Empty when the key
     * is absent; {@code listShape} and {@code entryShape} complete the messages when it or an entry is not what it
     * must be.
     */
    public List<Entry> idEntries(String key, String noun, IdRule rule, String listShape, String entryShape) {
        JsonNode list = node.get(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw problem(key, listShape);
        }
        List<Entry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode value : list) {
            index++;
            String id = entry(where + ": " + noun + " #" + index, value, errors, entryShape).id("id", rule);
            YamlMap entry = new YamlMap(where + ": " + noun + " '" + id + "'", "", (ObjectNode) value, errors);
            if (!ids.add(id)) {
                throw entry.problem("id", "duplicate id; give every " + noun + " its own id");
            }
            out.add(new Entry(id, entry));
        }
        return out;
    }

    public YamlMap checkKeys(Set<String> allowed) {
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(key)) {
                String parent = prefix.isEmpty() ? "" : " of '" + prefix.substring(0, prefix.length() - 1) + "'";
                String guess = closest(key, allowed).map(g -> " (did you mean '" + g + "'?)").orElse("");
                throw errors.create(where + ": key '" + key(key) + "' is unknown; allowed keys" + parent + ": "
                        + new TreeSet<>(allowed) + "; fix: remove or rename the unknown key '" + key + "'" + guess);
            }
        }
        return this;
    }

    /** A problem with {@code key}, in the layer's message shape. */
    public RuntimeException problem(String key, String what) {
        return errors.create(where + ": key '" + key(key) + "': " + what);
    }

    /** A problem with the map as a whole (two keys that exclude each other, ...). */
    public RuntimeException problem(String what) {
        return errors.create(where + ": " + what);
    }

    /** {@code key} with the enclosing keys, as a message names it. */
    public String key(String key) {
        return prefix + key;
    }

    public String where() {
        return where;
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The raw value of {@code key}; null when absent. */
    public JsonNode get(String key) {
        return node.get(key);
    }

    public Iterable<String> keys() {
        return node::fieldNames;
    }

    public String required(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.asText().isBlank() && v.isValueNode()) {
            throw errors.create(where + ": key '" + key(key) + "' is required and missing or empty; fix: give it a "
                    + "non-empty value");
        }
        if (!v.isValueNode()) {
            throw errors.create(where + ": key '" + key(key) + "' is required to be a single value, not a list or map");
        }
        return v.asText().strip();
    }

    public Optional<String> text(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().strip());
    }

    public String id(String key, IdRule rule) {
        String id = required(key);
        if (!rule.matches(id)) {
            throw problem(key, "'" + id + "' must be " + rule.rule() + ", e.g. " + rule.example());
        }
        return id;
    }

    public boolean bool(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw problem(key, "'" + v.asText() + "' must be true or false");
        }
        return v.asBoolean();
    }

    public int wholeNumber(String key, int min, int max, int absent) {
        if (!has(key)) {
            return absent;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw problem(key, "'" + v.asText() + "' must be a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    /** A duration in the one grammar of {@link DurationText}; {@code noun} and {@code examples} fill the message. */
    public Optional<Duration> duration(String key, String noun, String examples) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        return Optional.of(DurationText.parse(v.isTextual() ? v.asText() : null).orElseThrow(() ->
                problem(key, "'" + v.asText() + "' is not a " + noun + "; use e.g. " + examples)));
    }

    /** A duration from {@code min} to {@code max} ({@code range} says it in the file's words, e.g. "from 1m to 7d"). */
    public Duration duration(String key, Duration absent, Duration min, Duration max, String range) {
        Duration d = duration(key, "duration", "30m, 24h or 1d").orElse(absent);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw problem(key, "must be " + range);
        }
        return d;
    }

    /** One of an enum's constants, written in any case; listed in upper or lower case as the file writes them. */
    public <E extends Enum<E>> E oneOf(String key, Class<E> type, boolean upperCase) {
        String value = required(key);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(upperCase ? c.name() : c.name().toLowerCase(Locale.ROOT));
            }
            throw problem(key, "'" + value + "' is not one of " + allowed);
        }
    }

    /** A list of non-empty strings; a single string is a list of one. */
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw errors.create(where + ": key '" + key(key) + "' must be a list of strings, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw problem(key, "every entry must be a non-empty string");
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    /** An http or https URL with a host. */
    public URI httpUrl(String key, String value, String example) {
        Optional<String> wrong = notHttpUrl(value);
        if (wrong.isPresent()) {
            throw problem(key, "'" + value + "' is not a valid http(s) URL (" + wrong.get() + "); use e.g. " + example);
        }
        return URI.create(value);
    }

    /** Why {@code value} is not an http or https URL with a host; empty when it is one. */
    public static Optional<String> notHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.empty() : Optional.of("not an http(s) URL with a host");
        } catch (URISyntaxException e) {
            return Optional.of(e.getReason());
        }
    }

    /** The allowed key a typo most likely meant: at most two edits away. */
    static Optional<String> closest(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : new TreeSet<>(allowed)) {
            int d = distance(key, a);
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
