package org.policyradar.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed taxonomy and reports every problem at once (an analyst fixing a file wants the whole list),
 * each naming the file, the id, the key and the fix.
 */
final class TaxonomyValidator {

    static final double MAX_WEIGHT = 5.0;

    private final String source;
    private final List<String> problems = new ArrayList<>();

    TaxonomyValidator(String source) {
        this.source = source;
    }

    void validate(TaxonomyLoader.TaxonomyFile file) {
        Set<String> topicIds = new HashSet<>();
        for (Topic t : file.topics()) {
            checkId("topic", t.id(), topicIds);
        }
        Set<String> entityIds = new HashSet<>();
        for (Entity e : file.entities()) {
            checkId("entity", e.id(), entityIds);
        }
        Set<String> signalIds = new HashSet<>();
        for (SignalType s : file.signals()) {
            checkId("signal", s.id(), signalIds);
        }
        for (String required : Taxonomy.EVALUATED_TOPICS) {
            if (!topicIds.contains(required)) {
                problems.add(source + ": topic '" + required + "' is missing; fix: the six evaluated topics "
                        + Taxonomy.EVALUATED_TOPICS + " must all be defined");
            }
        }
        for (Topic t : file.topics()) {
            String where = "topic '" + t.id() + "'";
            if (t.label() == null || blank(t.label().en()) || blank(t.label().zh())) {
                problems.add(at(where, "label") + " needs both 'en' and 'zh'; fix: add the missing label");
            }
            if (blank(t.definition())) {
                problems.add(at(where, "definition") + " is empty; fix: say in one sentence what belongs to the topic");
            }
            if (t.parent() != null) {
                if (!topicIds.contains(t.parent())) {
                    problems.add(at(where, "parent") + " refers to unknown topic '" + t.parent()
                            + "'; fix: use one of the topic ids defined in this file");
                } else if (t.parent().equals(t.id()) || hasCycle(t, file.topics())) {
                    problems.add(at(where, "parent") + " makes a cycle; fix: a subtopic's parent chain must end at a top-level topic");
                }
            }
            if (t.threshold() != null && !(t.threshold() > 0 && t.threshold() < 1)) {
                problems.add(at(where, "threshold") + " is " + t.threshold() + "; fix: use a score strictly between 0 and 1");
            }
            if (t.terms().isEmpty()) {
                problems.add(at(where, "terms") + " is empty; fix: add at least one term group");
            }
            checkGroups(where, "terms", t.terms());
            checkGroups(where, "negatives", t.negatives());
            for (int i = 0; i < t.actors().size(); i++) {
                if (!entityIds.contains(t.actors().get(i))) {
                    problems.add(at(where, "actors[" + i + "]") + " refers to unknown entity '" + t.actors().get(i)
                            + "'; fix: define the entity under 'entities' or remove the reference");
                }
            }
        }
        for (Entity e : file.entities()) {
            String where = "entity '" + e.id() + "'";
            if (!Entity.KINDS.contains(e.kind())) {
                problems.add(at(where, "kind") + " is '" + e.kind() + "'; fix: use one of " + Entity.KINDS);
            }
            if (blank(e.name())) {
                problems.add(at(where, "name") + " is empty; fix: give the canonical English name");
            }
            if (e.aliases().isEmpty()) {
                problems.add(at(where, "aliases") + " is empty; fix: list at least one name to match");
            }
            checkGroups(where, "aliases", e.aliases());
            for (Map.Entry<String, Double> rel : e.topics().entrySet()) {
                if (!topicIds.contains(rel.getKey())) {
                    problems.add(at(where, "topics." + rel.getKey()) + " refers to unknown topic '" + rel.getKey()
                            + "'; fix: use one of the topic ids defined in this file");
                }
                checkWeight(at(where, "topics." + rel.getKey()), rel.getValue(), true);
            }
        }
        for (SignalType s : file.signals()) {
            String where = "signal '" + s.id() + "'";
            if (s.terms().isEmpty()) {
                problems.add(at(where, "terms") + " is empty; fix: add at least one term group");
            }
            checkGroups(where, "terms", s.terms());
        }
        Set<String> themeIds = new HashSet<>();
        for (Theme th : file.themes()) {
            checkId("theme", th.id(), themeIds);
            String where = "theme '" + th.id() + "'";
            if (th.label() == null || blank(th.label().en())) {
                problems.add(at(where, "label.en") + " is empty; fix: give the English name the gloss shows");
            }
            if (th.topic() != null && !topicIds.contains(th.topic())) {
                problems.add(at(where, "topic") + " refers to unknown topic '" + th.topic()
                        + "'; fix: use one of the topic ids defined in this file or remove the key");
            }
            if (th.aliases().isEmpty()) {
                problems.add(at(where, "aliases") + " is empty; fix: list its names in en, de, fr and zh");
            }
            checkGroups(where, "aliases", th.aliases());
        }
        if (!problems.isEmpty()) {
            throw new TaxonomyException(problems.size() + " problem(s) in taxonomy:\n  " + String.join("\n  ", problems));
        }
    }

    private void checkId(String kind, String id, Set<String> seen) {
        if (blank(id)) {
            problems.add(source + ": a " + kind + " has no 'id'; fix: give every " + kind + " a lower-case id");
        } else if (!Taxonomy.ID.matches(id)) {
            problems.add(source + ": " + kind + " '" + id + "': key 'id' has characters other than a-z, 0-9 and '-'; fix: rename it");
        } else if (!seen.add(id)) {
            problems.add(source + ": " + kind + " '" + id + "': key 'id' is a duplicate; fix: rename or merge the two " + kind + "s");
        }
    }

    private void checkGroups(String where, String key, List<TermGroup> groups) {
        for (int g = 0; g < groups.size(); g++) {
            TermGroup group = groups.get(g);
            String groupKey = key + "[" + g + "]";
            if (group == null || group.isEmpty()) {
                problems.add(at(where, groupKey) + " has no phrases; fix: add en/de/fr/zh phrases or tokensregex patterns");
                continue;
            }
            checkWeight(at(where, groupKey + ".w"), group.weight(), false);
            for (Map.Entry<String, List<String>> byLang : group.phrasesByLanguage().entrySet()) {
                checkPhrases(where, groupKey + "." + byLang.getKey(), byLang.getValue());
            }
            checkPhrases(where, groupKey + ".tokensregex", group.tokensregex());
        }
    }

    private void checkPhrases(String where, String key, List<String> phrases) {
        for (int i = 0; i < phrases.size(); i++) {
            String p = phrases.get(i);
            if (blank(p) || p.strip().equals("*")) {
                problems.add(at(where, key + "[" + i + "]") + " is an empty pattern; fix: write the term or delete the entry");
            }
        }
    }

    private void checkWeight(String where, Double w, boolean zeroAllowed) {
        if (w == null || w.isNaN() || w < 0 || (!zeroAllowed && w == 0) || w > MAX_WEIGHT) {
            problems.add(where + " is " + w + "; fix: use a weight " + (zeroAllowed ? "from 0" : "above 0") + " up to " + MAX_WEIGHT);
        }
    }

    private boolean hasCycle(Topic start, List<Topic> topics) {
        Set<String> seen = new HashSet<>();
        String current = start.id();
        while (current != null) {
            if (!seen.add(current)) {
                return true;
            }
            String id = current;
            current = topics.stream().filter(t -> id.equals(t.id())).findFirst().map(Topic::parent).orElse(null);
        }
        return false;
    }

    private String at(String where, String key) {
        return source + ": " + where + ": key '" + key + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
