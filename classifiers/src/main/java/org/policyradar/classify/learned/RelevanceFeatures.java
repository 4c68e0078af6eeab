package org.policyradar.classify.learned;

import org.policyradar.classify.Classification;
import org.policyradar.classify.EntityMention;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.Signal;
import org.policyradar.classify.TextItem;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;

/**
 * What the decision layer sees of an item: the taxonomy matcher's evidence described by where it sits and what it
 * co-occurs with, the rule scores, and the item's own words. Feature names are stable strings (they are the keys of
 * the trained weights), prefixed by kind:
 * <ul>
 *   <li>{@code s:T}, {@code on:T}: rule score of topic T and whether the rules assigned it (every topic, so each
 *       topic's model also sees the item's other topics);</li>
 *   <li>{@code title:T}, {@code lead:T}, {@code body:T}: T's positive evidence in the title, in the first
 *       {@value #LEAD_CHARS} characters of the summary, further on; {@code terms:T} = log(1 + distinct matched
 *       terms), {@code neg:T} a negative context matched, {@code ent:T} an entity supports T, {@code r:T:RULE} which
 *       term matched;</li>
 *   <li>{@code co:T:KIND}: T has evidence and the item names an actor ({@code organisation}) or instrument, or a
 *       policy signal; {@code e:ID}, {@code ek:KIND}, {@code g:TYPE}: entities and signals alone;</li>
 *   <li>{@code w:TOKEN}, {@code tw:TOKEN}: analysed tokens (lower-cased words, Chinese segments) of the whole item
 *       and of the title; {@code c:XY}: Chinese character bigrams (segmentation errors do not hide a word);</li>
 *   <li>{@code lang:L}, {@code bias}.</li>
 * </ul>
 */
public final class RelevanceFeatures {

    static final int LEAD_CHARS = 160;
    private static final int MAX_BIGRAM_CHARS = 600;

    private RelevanceFeatures() {
    }

    /** Binary or [0,1] features (unordered: the trainer sorts them, so training stays deterministic). */
    public static Map<String, Double> of(TextItem item, Classification rules) {
        Map<String, Double> f = new HashMap<>(256);
        f.put("bias", 1.0);
        f.put("lang:" + baseLanguage(rules.lang()), 1.0);
        rules.scores().forEach((topic, score) -> f.put("s:" + topic, score));
        rules.topics().forEach(topic -> f.put("on:" + topic, 1.0));

        Set<String> entityKinds = new HashSet<>();
        for (EntityMention e : rules.entities()) {
            f.put("e:" + e.id(), 1.0);
            entityKinds.add(e.kind());
        }
        entityKinds.forEach(k -> f.put("ek:" + k, 1.0));
        Set<String> signalTypes = new HashSet<>();
        for (Signal s : rules.signals()) signalTypes.add(s.kind());
        signalTypes.forEach(t -> f.put("g:" + t, 1.0));

        rules.evidence().forEach((topic, evidence) -> evidenceFeatures(f, topic, evidence, entityKinds, signalTypes));
        words(f, "tw:", rules.tokens().get("title"));
        words(f, "w:", rules.tokens().get("title"));
        words(f, "w:", rules.tokens().get("body"));
        if (rules.lang() != null && rules.lang().startsWith("zh")) {
            String text = item.title() + "\n" + (item.summary() == null ? "" : item.summary());
            chineseBigrams(f, text.length() > MAX_BIGRAM_CHARS ? text.substring(0, MAX_BIGRAM_CHARS) : text);
        }
        return f;
    }

    private static void evidenceFeatures(Map<String, Double> f, String topic, List<Evidence> evidence,
                                         Set<String> entityKinds, Set<String> signalTypes) {
        Set<String> terms = new HashSet<>();
        boolean any = false;
        for (Evidence ev : evidence) {
            if (ev.weight() <= 0) {
                f.put("neg:" + topic, 1.0);
                continue;
            }
            any = true;
            terms.add(ev.rule());
            f.put("r:" + topic + ":" + ev.rule(), 1.0);
            if (ev.rule().startsWith("entity ")) f.put("ent:" + topic, 1.0);
            switch (ev.field()) {
                case "title" -> f.put("title:" + topic, 1.0);
                case "summary" -> f.put((ev.begin() < LEAD_CHARS ? "lead:" : "body:") + topic, 1.0);
                default -> f.put("body:" + topic, 1.0);
            }
        }
        if (!any) return;
        f.put("terms:" + topic, Math.log1p(terms.size()));
        entityKinds.forEach(k -> f.put("co:" + topic + ":" + k, 1.0));
        signalTypes.forEach(t -> f.put("co:" + topic + ":signal", 1.0));
    }

    private static void words(Map<String, Double> f, String prefix, String tokens) {
        if (tokens == null || tokens.isBlank()) return;
        for (String t : tokens.split(" ")) {
            if (t.isEmpty() || !Character.isLetterOrDigit(t.codePointAt(0))) continue;
            f.put(prefix + t.toLowerCase(Locale.ROOT), 1.0);
        }
    }

    private static void chineseBigrams(Map<String, Double> f, String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i), b = text.charAt(i + 1);
            if (isHan(a) && isHan(b)) f.put("c:" + a + b, 1.0);
        }
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String baseLanguage(String lang) {
        if (lang == null) return "unknown";
        return lang.startsWith("zh") ? "zh" : lang.split("[-_]")[0];
    }
}
