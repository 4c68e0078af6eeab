package org.policyradar.classify.learned;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.policyradar.taxonomy.Taxonomy;

/**
 * What a decision model was trained from, recorded in its {@code meta} lines: the taxonomy's content and the gold
 * file's bytes, each as a SHA-256 prefix. The model's features name the taxonomy's rules and topics, so a shipped
 * model whose taxonomy hash is not the current taxonomy's is stale ({@code ./radar train} again).
 */
public final class TrainingProvenance {
    public static final String TAXONOMY_KEY = "taxonomy_sha256";
    public static final String GOLD_KEY = "gold_sha256";

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TrainingProvenance() {
    }

    /** The meta entries for a model trained on {@code gold} under {@code taxonomy}. */
    public static Map<String, String> of(Taxonomy taxonomy, Path gold) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(TAXONOMY_KEY, taxonomyHash(taxonomy));
        meta.put(GOLD_KEY, sha256(Files.readAllBytes(gold)));
        return meta;
    }

    /**
     * The hash of the taxonomy's parsed content, wherever it was loaded from: a comment or whitespace edit does not
     * change it, any term, weight or topic edit does. Hashed as JSON with map keys sorted: immutable maps iterate in
     * an order salted per JVM, so their {@code toString} is not the same from one run to the next.
     */
    public static String taxonomyHash(Taxonomy t) {
        try {
            String content = CANONICAL.writeValueAsString(java.util.List.of(t.version(), t.topics(), t.entities(), t.signals(), t.themes()));
            return sha256(content.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the taxonomy to hash it: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
