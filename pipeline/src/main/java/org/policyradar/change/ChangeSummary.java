package org.policyradar.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.policyradar.change.WordDiff.Token;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Topic;

/**
 * A short "what changed" built from a {@link Diff}: changed figures (numbers, dates, percentages, targets) as
 * {@code old → new}, and the changed sentences that mention a taxonomy term, with the topic. Plain phrase matching
 * (case-insensitive, whole words for Latin script): a reading aid, not the classifier.
 */
public final class ChangeSummary {
    static final int MAX_FIGURES = 8;
    static final int MAX_SENTENCES = 3;
    static final int MAX_SENTENCE_CHARS = 220;

    /** Units read with a number so that "38个" or "45 percent" is one figure. */
    private static final Set<String> UNITS = Set.of("%", "‰", "年", "月", "日", "个", "万", "亿", "千", "百", "元", "户", "家", "项",
            "倍", "percent", "per", "million", "billion", "bn", "m", "gw", "mw", "gbit", "mbit", "tb", "eur", "euro", "euros", "usd",
            "yuan", "rmb", "prozent", "milliarden", "millionen", "pour", "milliards", "millions");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;\\n]|\\.(?=\\s)");

    /** The summary and the topics whose terms appear in changed sentences. */
    public record Summary(String text, List<String> topics) {
    }

    private final Map<String, List<Pattern>> termsByTopic;

    public ChangeSummary(Taxonomy taxonomy) {
        Map<String, List<Pattern>> terms = new LinkedHashMap<>();
        for (Topic topic : taxonomy.topics()) {
            List<Pattern> patterns = new ArrayList<>();
            for (TermGroup g : topic.terms()) {
                g.phrasesByLanguage().forEach((lang, phrases) -> phrases.stream().filter(p -> !p.replace("*", "").isBlank())
                        .forEach(p -> patterns.add(pattern(lang, p, g.isCaseSensitive()))));
            }
            terms.put(topic.id(), List.copyOf(patterns));
        }
        this.termsByTopic = terms;
    }

    private static Pattern pattern(String lang, String phrase, boolean caseSensitive) {
        String p = phrase.strip();
        boolean prefix = p.endsWith("*");
        p = prefix ? p.substring(0, p.length() - 1) : p;
        String body = Pattern.quote(p).replace(" ", "\\E[\\s-]*\\Q");
        if ("zh".equals(lang)) {
            return Pattern.compile(body);
        }
        String regex = "(?<![\\p{L}\\p{N}])" + body + (prefix ? "" : "(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public Summary summarise(Diff diff, String oldText, String newText) {
        List<String> figures = new ArrayList<>();
        Map<String, String> sentences = new LinkedHashMap<>(); // sentence → topic
        for (Diff.Change c : diff.changes()) {
            List<String> before = figures(c.removed(), c.next());
            List<String> after = figures(c.added(), c.next());
            if (!before.isEmpty() && !after.isEmpty()) {
                figures.add(String.join(", ", before) + " → " + String.join(", ", after));
            } else if (!after.isEmpty()) {
                figures.add("added " + String.join(", ", after));
            } else if (!before.isEmpty()) {
                figures.add("removed " + String.join(", ", before));
            }
            boolean inNew = !c.added().isEmpty();
            Token at = inNew ? c.added().get(0) : c.removed().get(0);
            String sentence = sentence(inNew ? newText : oldText, at.start());
            topicOf(sentence).ifPresent(topic -> sentences.putIfAbsent((inNew ? "" : "removed: ") + sentence, topic));
        }
        StringBuilder b = new StringBuilder();
        if (!figures.isEmpty()) {
            List<String> shown = figures.subList(0, Math.min(MAX_FIGURES, figures.size()));
            b.append("Changed figures: ").append(String.join("; ", shown));
            if (figures.size() > shown.size()) {
                b.append("; … ").append(figures.size() - shown.size()).append(" more");
            }
            b.append('\n');
        }
        Set<String> topics = new LinkedHashSet<>();
        int n = 0;
        for (Map.Entry<String, String> e : sentences.entrySet()) {
            topics.add(e.getValue());
            if (n++ < MAX_SENTENCES) {
                b.append('[').append(e.getValue()).append("] ").append(e.getKey()).append('\n');
            }
        }
        b.append(String.format(Locale.ROOT, "%d word(s) added, %d removed in %d place(s)", diff.wordsAdded(), diff.wordsRemoved(),
                diff.changes().size()));
        return new Summary(b.toString(), List.copyOf(topics));
    }

    /** Numbers in the tokens, each with the unit that follows it ("38个", "45 %", "2027年"). */
    static List<String> figures(List<Token> changed, Token next) {
        List<Token> tokens = new ArrayList<>(changed);
        if (next != null) {
            tokens.add(next);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            Token t = tokens.get(i);
            if (!Character.isDigit(t.text().charAt(0))) {
                continue;
            }
            String f = t.text();
            if (i + 1 < tokens.size() && UNITS.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))) {
                Token unit = tokens.get(i + 1);
                f += (unit.spaceBefore() ? " " : "") + unit.text();
                i++;
            }
            out.add(f);
        }
        return out;
    }

    private static String sentence(String text, int offset) {
        int start = 0;
        var m = SENTENCE_END.matcher(text);
        int end = text.length();
        while (m.find()) {
            if (m.end() <= offset) {
                start = m.end();
            } else {
                end = m.end();
                break;
            }
        }
        String s = text.substring(start, end).strip();
        return s.length() > MAX_SENTENCE_CHARS ? s.substring(0, MAX_SENTENCE_CHARS) + "…" : s;
    }

    private java.util.Optional<String> topicOf(String sentence) {
        for (Map.Entry<String, List<Pattern>> e : termsByTopic.entrySet()) {
            for (Pattern p : e.getValue()) {
                if (p.matcher(sentence).find()) {
                    return java.util.Optional.of(e.getKey());
                }
            }
        }
        return java.util.Optional.empty();
    }
}
