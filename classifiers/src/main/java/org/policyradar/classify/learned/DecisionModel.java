package org.policyradar.classify.learned;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trained decision layer: one {@link TopicModel} per report topic, plus a few lines saying how it was trained.
 * Stored as tab-separated text (diffable, a few hundred kilobytes):
 * {@code meta KEY VALUE}, {@code threshold TOPIC KEEP RAISE}, {@code w TOPIC FEATURE WEIGHT}; {@code #} starts a comment.
 */
public record DecisionModel(Map<String, TopicModel> topics, Map<String, String> meta) {

    /** Where {@code ./radar train} writes the shipped model and the classifier looks for it on the class path. */
    public static final String RESOURCE = "/org/policyradar/classify/learned/decision-model.tsv";

    public DecisionModel {
        topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        meta = java.util.Collections.unmodifiableMap(new TreeMap<>(meta));
    }

    /** The same model with these meta entries added (or replaced). */
    public DecisionModel withMeta(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(meta);
        all.putAll(more);
        return new DecisionModel(topics, all);
    }

    public void write(Writer out) throws IOException {
        out.write("# PolicyRadar decision layer: per-topic logistic regression over RelevanceFeatures (./radar train)\n");
        for (Map.Entry<String, String> m : meta.entrySet()) out.write("meta\t" + m.getKey() + "\t" + m.getValue() + "\n");
        for (TopicModel t : topics.values()) {
            out.write(String.format(Locale.ROOT, "threshold\t%s\t%.4f\t%.4f%n", t.topic(), t.keep(), t.raise()));
        }
        for (TopicModel t : topics.values()) {
            for (Map.Entry<String, Double> w : new TreeMap<>(t.weights()).entrySet()) {
                out.write("w\t" + t.topic() + "\t" + w.getKey() + "\t" + w.getValue() + "\n");
            }
        }
    }

    /** Reads a model; a malformed line fails naming the file and the line number. */
    public static DecisionModel read(InputStream in, String name) throws IOException {
        Map<String, String> meta = new TreeMap<>();
        Map<String, double[]> thresholds = new LinkedHashMap<>();
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", -1);
                try {
                    switch (cols[0]) {
                        case "meta" -> meta.put(cols[1], cols[2]);
                        case "threshold" -> thresholds.put(cols[1], new double[]{Double.parseDouble(cols[2]), Double.parseDouble(cols[3])});
                        case "w" -> weights.computeIfAbsent(cols[1], t -> new LinkedHashMap<>()).put(cols[2], Double.parseDouble(cols[3]));
                        default -> throw new IllegalArgumentException("unknown record '" + cols[0] + "'");
                    }
                } catch (RuntimeException e) {
                    throw new IOException(name + ":" + lineNo + ": not a decision-model line (" + e.getMessage() + ")", e);
                }
            }
        }
        Map<String, TopicModel> topics = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> t : thresholds.entrySet()) {
            topics.put(t.getKey(), new TopicModel(t.getKey(), weights.getOrDefault(t.getKey(), Map.of()), t.getValue()[0], t.getValue()[1]));
        }
        return new DecisionModel(topics, meta);
    }

    /** The shipped model, or null when this build has none (then the rules decide alone). */
    public static DecisionModel loadShipped() {
        InputStream in = DecisionModel.class.getResourceAsStream(RESOURCE);
        if (in == null) return null;
        try {
            return read(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
