package org.policyradar.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.policyradar.taxonomy.Entity;
import org.policyradar.taxonomy.Labels;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.Theme;
import org.policyradar.taxonomy.Topic;

/**
 * The taxonomy's multilingual names, looked up by the words of a query: themes first (they are written as synonyms),
 * then actors' aliases, then topics' labels. Matching is by whole words, case-insensitive unless the alias is
 * case-sensitive (MOST, CAC), hyphens ignored, a trailing {@code *} on the last word matching any continuation.
 */
public final class Concepts {
    private final List<Concept> concepts;

    public Concepts(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
    }

    public static Concepts of(Taxonomy taxonomy) {
        List<Concept> out = new ArrayList<>();
        for (Theme t : taxonomy.themes()) {
            out.add(new Concept(t.id(), "theme", t.label().en(), aliases(t.aliases())));
        }
        for (Entity e : taxonomy.entities()) {
            out.add(new Concept(e.id(), "actor", e.name(), aliases(e.aliases())));
        }
        for (Topic t : taxonomy.topics()) {
            out.add(new Concept(t.id(), "topic", t.label().en(), labels(t.label())));
        }
        return new Concepts(out);
    }

    public List<Concept> all() {
        return concepts;
    }

    /** The first concept one of whose names is exactly these words. */
    public Optional<Concept> find(List<String> words) {
        for (Concept c : concepts) {
            for (Concept.Alias a : c.aliases()) {
                if (matches(a, words)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    static boolean matches(Concept.Alias alias, List<String> words) {
        List<String> names = List.of(alias.phrase().strip().split("\\s+"));
        if (names.size() != words.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = normal(names.get(i), alias.caseSensitive());
            String word = normal(words.get(i), alias.caseSensitive());
            boolean last = i == names.size() - 1;
            if (last && name.endsWith("*") && name.length() > 1) {
                if (!word.startsWith(name.substring(0, name.length() - 1))) {
                    return false;
                }
            } else if (!name.equals(word)) {
                return false;
            }
        }
        return true;
    }

    private static String normal(String word, boolean caseSensitive) {
        String w = word.replace("-", "");
        return caseSensitive ? w : w.toLowerCase(Locale.ROOT);
    }

    private static List<Concept.Alias> aliases(List<TermGroup> groups) {
        List<Concept.Alias> out = new ArrayList<>();
        for (TermGroup g : groups) {
            for (Map.Entry<String, List<String>> byLang : g.phrasesByLanguage().entrySet()) {
                for (String p : byLang.getValue()) {
                    out.add(new Concept.Alias(byLang.getKey(), p, g.isCaseSensitive()));
                }
            }
        }
        return out;
    }

    private static List<Concept.Alias> labels(Labels label) {
        List<Concept.Alias> out = new ArrayList<>();
        if (label.en() != null) out.add(new Concept.Alias("en", label.en(), false));
        if (label.zh() != null) out.add(new Concept.Alias("zh", label.zh(), false));
        return out;
    }
}
