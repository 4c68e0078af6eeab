package org.policyradar.classify;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Result of {@link Evaluation#evaluate}: counts per topic overall and per language, and the errors with evidence.
 *
 * @param byLanguage language ({@code en}, {@code zh}, ...; from the gold file) to counts per topic
 */
public record EvaluationReport(List<String> topics,
                               int items,
                               Map<String, Integer> itemsByLanguage,
                               Map<String, Counts> overall,
                               Map<String, Map<String, Counts>> byLanguage,
                               List<Confusion> confusions) {

    /** A false positive or false negative, with what the classifier saw. */
    public record Confusion(String id, String lang, String topic, String kind, double score, String title, List<Evidence> evidence) {
    }

    public Counts micro() {
        return micro(overall);
    }

    public double macroF1() {
        return macroF1(overall);
    }

    public Counts micro(String lang) {
        return micro(byLanguage.getOrDefault(lang, Map.of()));
    }

    public double macroF1(String lang) {
        return macroF1(byLanguage.getOrDefault(lang, Map.of()));
    }

    private static Counts micro(Map<String, Counts> perTopic) {
        return perTopic.values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    private static double macroF1(Map<String, Counts> perTopic) {
        return perTopic.values().stream().filter(c -> !c.isEmpty()).mapToDouble(Counts::f1).average().orElse(0);
    }

    /** Plain-text report for the console ({@code ./radar eval}). */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Evaluation over %d items %s%n", items, itemsByLanguage));
        table(sb, "all", overall);
        for (Map.Entry<String, Map<String, Counts>> e : byLanguage.entrySet()) {
            table(sb, e.getKey(), e.getValue());
        }
        sb.append(String.format(Locale.ROOT, "%nErrors (%d):%n", confusions.size()));
        for (Confusion c : confusions) {
            sb.append(String.format(Locale.ROOT, "  %-3s %-13s %s [%s] score=%.2f %s%n", c.kind(), c.topic(), c.id(), c.lang(), c.score(), c.title()));
            for (Evidence ev : c.evidence()) {
                sb.append(String.format(Locale.ROOT, "        %+.2f %s '%s' (%s %d-%d)%n", ev.weight(), ev.rule(), ev.term(), ev.field(), ev.begin(), ev.end()));
            }
        }
        return sb.toString();
    }

    private void table(StringBuilder sb, String name, Map<String, Counts> perTopic) {
        sb.append(String.format(Locale.ROOT, "%n[%s]%n%-14s %4s %4s %4s  %5s %5s %5s%n", name, "topic", "tp", "fp", "fn", "P", "R", "F1"));
        for (String t : topics) {
            Counts c = perTopic.getOrDefault(t, Counts.ZERO);
            sb.append(String.format(Locale.ROOT, "%-14s %4d %4d %4d  %5.3f %5.3f %5.3f%s%n", t, c.tp(), c.fp(), c.fn(),
                    c.precision(), c.recall(), c.f1(), c.isEmpty() ? "  (no gold, no predictions: not in macro)" : ""));
        }
        Counts micro = micro(perTopic);
        sb.append(String.format(Locale.ROOT, "%-14s %4d %4d %4d  %5.3f %5.3f %5.3f%n", "micro", micro.tp(), micro.fp(), micro.fn(),
                micro.precision(), micro.recall(), micro.f1()));
        sb.append(String.format(Locale.ROOT, "%-14s %27s %5.3f%n", "macro", "", macroF1(perTopic)));
    }
}
