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
import org.policyradar.taxonomy.SignalType;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Topic;

/**
 * A short "what changed" built from a {@link Diff}: changed figures (numbers, dates, percentages, targets) as
 * {@code old → new}, the signals whose terms are in a sentence where a figure moved (a self-reliance target raised,
 * a funding line cut: MERICS' "adjustments to national policy plans"), and the changed sentences that mention a
 * taxonomy term, with the topic. Plain phrase matching (case-insensitive, whole words for Latin script): a reading
 * aid, not the classifier.
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

    /** The summary, the topics whose terms appear in changed sentences and the signals whose figures moved. */
    public record Summary(String text, List<String> topics, List<String> signals) {
    }

    private final Map<String, List<Pattern>> termsByTopic;
    private final Map<String, List<Pattern>> termsBySignal;
    private final Map<String, String> signalLabels;

    public ChangeSummary(Taxonomy taxonomy) {
        Map<String, List<Pattern>> terms = new LinkedHashMap<>();
        for (Topic topic : taxonomy.topics()) {
            terms.put(topic.id(), patterns(topic.terms()));
        }
        this.termsByTopic = terms;
        Map<String, List<Pattern>> signals = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (SignalType signal : taxonomy.signals()) {
            signals.put(signal.id(), patterns(signal.terms()));
            labels.put(signal.id(), signal.label() == null || signal.label().en() == null ? signal.id() : signal.label().en());
        }
        this.termsBySignal = signals;
        this.signalLabels = labels;
    }

    private static List<Pattern> patterns(List<TermGroup> groups) {
        List<Pattern> patterns = new ArrayList<>();
        for (TermGroup g : groups) {
            g.phrasesByLanguage().forEach((lang, phrases) -> phrases.stream().filter(p -> !p.replace("*", "").isBlank())
                    .forEach(p -> patterns.add(pattern(lang, p, g.isCaseSensitive()))));
        }
        return List.copyOf(patterns);
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
        Map<String, List<String>> moved = new LinkedHashMap<>(); // signal → its changed figures
        for (Diff.Change c : diff.changes()) {
            List<String> before = figures(c.removed(), c.next());
            List<String> after = figures(c.added(), c.next());
            String figure = null;
            if (!before.isEmpty() && !after.isEmpty()) {
                figure = String.join(", ", before) + " → " + String.join(", ", after) + direction(before, after);
            } else if (!after.isEmpty()) {
                figure = "added " + String.join(", ", after);
            } else if (!before.isEmpty()) {
                figure = "removed " + String.join(", ", before);
            }
            boolean inNew = !c.added().isEmpty();
            Token at = inNew ? c.added().get(0) : c.removed().get(0);
            String sentence = sentence(inNew ? newText : oldText, at.start());
            topicOf(sentence).ifPresent(topic -> sentences.putIfAbsent((inNew ? "" : "removed: ") + sentence, topic));
            if (figure != null) {
                figures.add(figure);
                for (String signal : matching(termsBySignal, sentence)) {
                    moved.computeIfAbsent(signal, k -> new ArrayList<>()).add(figure);
                }
            }
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
        for (Map.Entry<String, List<String>> e : moved.entrySet()) {
            b.append("Signal moved: ").append(e.getKey()).append(" (").append(signalLabels.get(e.getKey())).append("): ")
                    .append(String.join("; ", e.getValue().subList(0, Math.min(MAX_FIGURES, e.getValue().size())))).append('\n');
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
        return new Summary(b.toString(), List.copyOf(topics), List.copyOf(moved.keySet()));
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
        return matching(termsByTopic, sentence).stream().findFirst();
    }

    /** The ids (topics or signals) with a term in the sentence, in taxonomy order. */
    private static List<String> matching(Map<String, List<Pattern>> termsById, String sentence) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, List<Pattern>> e : termsById.entrySet()) {
            if (e.getValue().stream().anyMatch(p -> p.matcher(sentence).find())) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    /** " (raised)" or " (lowered)" when one figure replaced one figure of the same unit; else nothing. */
    static String direction(List<String> before, List<String> after) {
        if (before.size() != 1 || after.size() != 1) {
            return "";
        }
        var old = NUMBER.matcher(before.get(0));
        var now = NUMBER.matcher(after.get(0));
        if (!old.matches() || !now.matches() || !old.group(2).equals(now.group(2))) {
            return "";
        }
        int cmp = new java.math.BigDecimal(now.group(1)).compareTo(new java.math.BigDecimal(old.group(1)));
        return cmp > 0 ? " (raised)" : cmp < 0 ? " (lowered)" : "";
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)(.*)");
}
