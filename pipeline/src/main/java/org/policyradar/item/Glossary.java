package org.policyradar.item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyradar.classify.Classification;
import org.policyradar.classify.EntityMention;
import org.policyradar.classify.Evidence;
import org.policyradar.search.Concept;
import org.policyradar.search.Concepts;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.Topic;

/**
 * The English gloss of a Chinese item: each matched Chinese term and actor with its English name, in text order,
 * e.g. {@code 芯片: semiconductors and chips; 华为: Huawei; 自主可控: Semiconductors}. A term's name is its search
 * theme's, else its actor's, else its topic's label, so an analyst who reads no Chinese sees what matched.
 */
public final class Glossary {
    /** No gloss for any item (tests and tools without a taxonomy). */
    public static final Glossary NONE = new Glossary(Map.of(), Map.of());

    private static final List<String> FIELD_ORDER = List.of("title", "summary", "text");

    /** Chinese phrase as written in the taxonomy to its English name. */
    private final Map<String, String> english;
    /** Topic id to its English label, for terms with no name of their own. */
    private final Map<String, String> topicLabels;

    private Glossary(Map<String, String> english, Map<String, String> topicLabels) {
        this.english = Map.copyOf(english);
        this.topicLabels = Map.copyOf(topicLabels);
    }

    public static Glossary of(Taxonomy taxonomy) {
        Map<String, String> english = new HashMap<>();
        for (Concept c : Concepts.of(taxonomy).all()) {
            if (c.kind().equals("topic")) continue;
            for (Concept.Alias a : c.aliases()) {
                if (a.lang().equals("zh")) english.putIfAbsent(a.phrase(), c.english());
            }
        }
        Map<String, String> labels = new HashMap<>();
        for (Topic t : taxonomy.topics()) {
            labels.put(t.id(), t.label().en());
            for (TermGroup g : t.terms()) {
                g.zh().forEach(p -> english.putIfAbsent(p, t.label().en()));
            }
        }
        return new Glossary(english, labels);
    }

    /** The gloss of a classified item, or null when it is not Chinese or nothing Chinese matched. */
    public String gloss(Classification c) {
        if (c.lang() == null || !c.lang().startsWith("zh") || (english.isEmpty() && topicLabels.isEmpty())) {
            return null;
        }
        record Entry(String field, int begin, String surface, String name) {
        }
        List<Entry> entries = new ArrayList<>();
        for (List<Evidence> list : c.evidence().values()) {
            for (Evidence e : list) {
                String name = english.getOrDefault(e.rule(), english.getOrDefault(e.term(), topicLabels.get(e.topic())));
                entries.add(new Entry(e.field(), e.begin(), e.term(), name));
            }
        }
        for (EntityMention m : c.entities()) {
            entries.add(new Entry(m.field(), m.begin(), m.term(), m.name()));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> fieldRank(e.field())).thenComparingInt(Entry::begin));
        Map<String, String> bySurface = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.name() != null && hasHan(e.surface())) bySurface.putIfAbsent(e.surface(), e.name());
        }
        if (bySurface.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        bySurface.forEach((surface, name) -> parts.add(surface + ": " + name));
        return String.join("; ", parts);
    }

    private static int fieldRank(String field) {
        int i = FIELD_ORDER.indexOf(field);
        return i < 0 ? FIELD_ORDER.size() : i;
    }

    private static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
