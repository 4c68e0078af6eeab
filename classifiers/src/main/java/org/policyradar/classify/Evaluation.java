package org.policyradar.classify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.policyradar.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures a classifier against gold labels: precision/recall/F1 per topic, micro and macro, overall and per
 * language (the gold file's {@code lang}, {@code zh-*} folded into {@code zh}), and lists every false positive and
 * false negative with the evidence behind it. Used by {@code ./radar eval --gold FILE} and the dev-set test.
 */
public final class Evaluation {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ItemClassifier classifier;
    private final List<String> topics;

    /** Evaluates the six topics of the gold labels ({@link Taxonomy#EVALUATED_TOPICS}). */
    public Evaluation(ItemClassifier classifier) {
        this(classifier, Taxonomy.EVALUATED_TOPICS);
    }

    /** Scores predictions made elsewhere ({@link #evaluate(List, List)}) over the six topics. */
    public Evaluation() {
        this(null, Taxonomy.EVALUATED_TOPICS);
    }

    public Evaluation(ItemClassifier classifier, List<String> topics) {
        this.classifier = classifier;
        this.topics = List.copyOf(topics);
    }

    /** Reads a JSON-lines gold file; blank lines are skipped, a bad line fails with its line number. */
    public static List<GoldItem> readGold(Path file) throws IOException {
        List<GoldItem> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                try {
                    items.add(JSON.readValue(line, GoldItem.class));
                } catch (IOException e) {
                    throw new IOException(file + ":" + lineNo + ": not a gold item (" + e.getMessage() + ")", e);
                }
            }
        }
        return items;
    }

    public EvaluationReport evaluate(List<GoldItem> gold) {
        if (classifier == null) throw new IllegalStateException("this Evaluation scores given predictions only: build it with a classifier");
        return evaluate(gold, classifyAll(classifier, gold));
    }

    /** Classifies every gold item (in parallel; the classifier is thread-safe), results in the order of {@code gold}. */
    public static List<Classification> classifyAll(ItemClassifier classifier, List<GoldItem> gold) {
        return gold.parallelStream().map(g -> classifier.classify(g.toTextItem())).toList();
    }

    /** Scores given predictions ({@code predictions.get(i)} for {@code gold.get(i)}), e.g. the test folds of a cross-validation. */
    public EvaluationReport evaluate(List<GoldItem> gold, List<Classification> predictions) {
        if (gold.size() != predictions.size()) {
            throw new IllegalArgumentException(gold.size() + " gold items but " + predictions.size() + " predictions");
        }
        long start = System.nanoTime();
        Map<String, Counts> overall = new LinkedHashMap<>();
        Map<String, Map<String, Counts>> byLanguage = new TreeMap<>();
        Map<String, Integer> itemsByLanguage = new TreeMap<>();
        List<EvaluationReport.Confusion> confusions = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            GoldItem item = gold.get(i);
            String lang = languageOf(item);
            itemsByLanguage.merge(lang, 1, Integer::sum);
            Classification c = predictions.get(i);
            Set<String> predicted = Set.copyOf(c.topics());
            Set<String> expected = Set.copyOf(item.topics());
            for (String topic : topics) {
                boolean p = predicted.contains(topic);
                boolean g = expected.contains(topic);
                Counts delta = new Counts(p && g ? 1 : 0, p && !g ? 1 : 0, !p && g ? 1 : 0);
                overall.merge(topic, delta, Counts::plus);
                byLanguage.computeIfAbsent(lang, l -> new LinkedHashMap<>()).merge(topic, delta, Counts::plus);
                if (p != g) {
                    confusions.add(new EvaluationReport.Confusion(item.id(), lang, topic, p ? "FP" : "FN",
                            c.scores().getOrDefault(topic, 0.0), item.title(), c.evidence().getOrDefault(topic, List.of())));
                }
            }
        }
        EvaluationReport report = new EvaluationReport(topics, gold.size(), itemsByLanguage, overall, byLanguage, confusions);
        LOG.info("event=evaluated items={} microF1={} macroF1={} ms={}", gold.size(), fmt(report.micro().f1()), fmt(report.macroF1()),
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    private static String languageOf(GoldItem item) {
        String lang = item.lang() == null ? "unknown" : item.lang().toLowerCase(Locale.ROOT);
        return lang.startsWith("zh") ? "zh" : lang.split("[-_]")[0];
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
