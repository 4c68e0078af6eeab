package org.policyradar.classify;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.policyradar.classify.learned.DecisionTrainer;
import org.policyradar.classify.learned.RelevanceFeatures;
import org.policyradar.taxonomy.Taxonomy;

/**
 * Development aid, not run by the suite: the sentence-embedding candidate of the decision layer. Per topic a logistic
 * regression on the taxonomy's relevance features plus the {@code bge-small-zh-v1.5} (quantized ONNX, 512 dimensions)
 * embedding of the item's first {@value #EMBEDDED_CHARS} characters, measured by the same 5-fold cross-validation
 * grouped by source (seed 13) as the shipped layer: inner folds choose the thresholds, the held-out fold is never fit.
 * Also prints the candidate's cost: model load time, embedding rate, heap after GC.
 * {@code EmbeddingCandidateReport GOLD.jsonl [SCALE...]}
 */
public final class EmbeddingCandidateReport {
    static final int EMBEDDED_CHARS = 512;

    public static void main(String[] args) throws Exception {
        List<GoldItem> gold = Evaluation.readGold(Path.of(args[0]));
        List<CrossValidation.Example> examples = CrossValidation.examples(SharedClassifier.classifier(), gold);
        long heapBefore = heapAfterGc();
        long l0 = System.nanoTime();
        BgeSmallZhV15QuantizedEmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        model.embed("warm-up 预热"); // the ONNX session is built lazily
        long l1 = System.nanoTime();
        long heapWithModel = heapAfterGc();
        Map<String, float[]> vectors = new HashMap<>();
        long e0 = System.nanoTime();
        int chars = 0;
        for (GoldItem g : gold) {
            String text = embeddedText(g);
            chars += text.length();
            vectors.put(g.id(), model.embed(text).content().vector());
        }
        long e1 = System.nanoTime();
        double seconds = (e1 - e0) / 1e9;
        System.out.printf("bge-small-zh-v1.5-q: load %.1f s; heap after GC %d MB -> %d MB with the model; embedding %d items "
                        + "(%d chars, at most %d each) in %.1f s = %.1f items/s (ONNX Runtime's own threads, %d cores); load average %s%n",
                (l1 - l0) / 1e9, heapBefore >> 20, heapWithModel >> 20, gold.size(), chars, EMBEDDED_CHARS, seconds, gold.size() / seconds,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());

        CrossValidation cv = new CrossValidation(5, 13);
        print("rules only", gold, cv.predict(examples, CrossValidation.RULES_ONLY));
        print("shipped layer", gold, cv.predict(examples, new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT).learner()));
        for (String scale : args.length > 1 ? List.of(args).subList(1, args.length) : List.of("20")) {
            double s = Double.parseDouble(scale);
            Function<CrossValidation.Example, Map<String, Double>> features = e -> {
                Map<String, Double> f = new HashMap<>(RelevanceFeatures.of(e.gold().toTextItem(), e.rules()));
                float[] v = vectors.get(e.gold().id());
                for (int i = 0; i < v.length; i++) f.put("emb:" + i, s * v[i]);
                return f;
            };
            long c0 = System.nanoTime();
            List<Classification> predicted = cv.predict(examples, new DecisionTrainer(Taxonomy.EVALUATED_TOPICS, DecisionTrainer.Settings.DEFAULT, features).learner());
            print(String.format("layer + embeddings (scale %s, CV %.0f s)", scale, (System.nanoTime() - c0) / 1e9), gold, predicted);
        }
        System.exit(0);
    }

    static String embeddedText(GoldItem g) {
        String text = String.join("\n", g.title(), g.summary() == null ? "" : g.summary(), g.text() == null ? "" : g.text()).strip();
        return text.substring(0, Math.min(EMBEDDED_CHARS, text.length()));
    }

    private static void print(String name, List<GoldItem> gold, List<Classification> predicted) {
        EvaluationReport r = new Evaluation().evaluate(gold, predicted);
        StringBuilder pt = new StringBuilder();
        for (String t : Taxonomy.EVALUATED_TOPICS) {
            Counts c = r.overall().get(t);
            pt.append(String.format(" %s %.2f/%.2f", t, c.precision(), c.recall()));
        }
        System.out.printf("%s: macro %.3f en %.3f zh %.3f de %.3f fr %.3f micro %.3f | P/R%s%n", name, r.macroF1(), r.macroF1("en"),
                r.macroF1("zh"), r.macroF1("de"), r.macroF1("fr"), r.micro().f1(), pt);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
