package org.policyradar.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Rewrites a query-string query so that a term naming a taxonomy concept (theme, actor, topic) in one language also
 * finds its names in every other: {@code semiconductor} becomes {@code (semiconductor OR "芯片" OR "半导体" OR
 * "集成 电路" OR halbleiter* ...)}. The user's own term stays; operators, field queries ({@code topics:ai}),
 * wildcards and fuzzy terms are left alone. Chinese names are added as written (the standard-analysed fields hold
 * them character by character, so the phrase matches) and as segmented by the classifier (what
 * {@code title_tokens}/{@code body_tokens} hold).
 */
public final class QueryExpander {
    /** Longest run of words looked up as one name ("Made in China 2025"). */
    private static final int MAX_WORDS = 8;
    private static final Pattern OPERATOR = Pattern.compile("AND|OR|NOT|&&|\\|\\|");
    private static final Pattern PLAIN = Pattern.compile("[^\\s:*?~^\\[\\]{}\\\\/!+=<>|&]+");

    /** The rewritten query and what was expanded. */
    public record Expansion(String query, List<Used> used) {
        public Expansion {
            used = List.copyOf(used);
        }
    }

    /** One expanded term: the user's words, the concept they named and what they now also match. */
    public record Used(String term, String concept, String kind, String english, List<String> alternatives) {
        public Used {
            alternatives = List.copyOf(alternatives);
        }
    }

    private final Concepts concepts;
    private final UnaryOperator<String> chineseSegments;

    /** Expands nothing: the query as written ({@code --exact}, or no taxonomy at hand). */
    public static QueryExpander none() {
        return new QueryExpander(new Concepts(List.of()), p -> "");
    }

    /** @param chineseSegments a Chinese phrase as the pipeline indexes it (segments joined by spaces) */
    public QueryExpander(Concepts concepts, UnaryOperator<String> chineseSegments) {
        this.concepts = concepts;
        this.chineseSegments = chineseSegments;
    }

    public Expansion expand(String query) {
        if (query == null || query.isBlank()) {
            return new Expansion(query == null ? "" : query, List.of());
        }
        List<Token> tokens = lex(query);
        StringBuilder out = new StringBuilder();
        List<Used> used = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            int consumed = 1;
            String replacement = t.text();
            if (t.quoted()) {
                List<String> words = words(t.text().substring(1, t.text().length() - 1));
                var c = words.isEmpty() ? java.util.Optional.<Concept>empty() : concepts.find(words);
                if (c.isPresent()) {
                    replacement = rewrite(t.text(), c.get(), used);
                }
            } else if (t.plain()) {
                int run = 0;
                while (i + run < tokens.size() && tokens.get(i + run).plain() && run < MAX_WORDS) run++;
                for (int n = run; n >= 1; n--) {
                    List<String> words = tokens.subList(i, i + n).stream().map(Token::text).toList();
                    var c = concepts.find(words);
                    if (c.isPresent()) {
                        String original = String.join(" ", words);
                        replacement = rewrite(n == 1 ? original : "\"" + original + "\"", c.get(), used);
                        consumed = n;
                        break;
                    }
                }
            }
            if (!out.isEmpty() && t.spaceBefore()) out.append(' ');
            out.append(replacement);
            i += consumed;
        }
        return new Expansion(out.toString(), used);
    }

    private String rewrite(String original, Concept concept, List<Used> used) {
        Set<String> alternatives = new LinkedHashSet<>();
        for (Concept.Alias a : concept.aliases()) {
            alternatives.add(render(a.phrase()));
            if (a.lang().equals("zh")) {
                String segmented = chineseSegments.apply(a.phrase()).strip();
                if (!segmented.isEmpty() && segmented.contains(" ")) {
                    alternatives.add(quote(segmented));
                }
            }
        }
        // the searched fields are lower-cased: "Chip" and "chip" are one alternative, and the user's own term is kept as typed
        Set<String> seen = new HashSet<>(List.of(original.toLowerCase(Locale.ROOT), quote(original).toLowerCase(Locale.ROOT)));
        alternatives.removeIf(a -> !seen.add(a.toLowerCase(Locale.ROOT)));
        if (alternatives.isEmpty()) {
            return original;
        }
        used.add(new Used(original, concept.id(), concept.kind(), concept.english(), List.copyOf(alternatives)));
        return "(" + original + " OR " + String.join(" OR ", alternatives) + ")";
    }

    /** A single word with a trailing {@code *} stays a wildcard (lower-cased, as the fields are); anything else a phrase. */
    private static String render(String phrase) {
        String p = phrase.strip();
        if (p.endsWith("*") && !p.contains(" ") && !p.contains("-") && PLAIN.matcher(p.substring(0, p.length() - 1)).matches()) {
            return p.toLowerCase(Locale.ROOT);
        }
        return quote(p.replace("*", ""));
    }

    private static String quote(String phrase) {
        return "\"" + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<String> words(String phrase) {
        String p = phrase.strip();
        return p.isEmpty() ? List.of() : List.of(p.split("\\s+"));
    }

    private record Token(String text, boolean quoted, boolean plain, boolean spaceBefore) {
    }

    /** Quoted phrases, parentheses and words, each remembering whether whitespace preceded it. */
    private static List<Token> lex(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            int start = i;
            while (i < n && Character.isWhitespace(q.charAt(i))) i++;
            boolean space = i > start;
            if (i >= n) break;
            char c = q.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && q.charAt(j) != '"') {
                    if (q.charAt(j) == '\\') j++;
                    j++;
                }
                j = Math.min(j + 1, n);
                String text = q.substring(i, j);
                boolean closed = text.length() >= 2 && text.endsWith("\"");
                out.add(new Token(text, closed, false, space));
                i = j;
            } else if (c == '(' || c == ')') {
                out.add(new Token(String.valueOf(c), false, false, space));
                i++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(q.charAt(j)) && q.charAt(j) != '(' && q.charAt(j) != ')' && q.charAt(j) != '"') j++;
                String word = q.substring(i, j);
                boolean plain = !OPERATOR.matcher(word).matches() && !word.startsWith("-") && PLAIN.matcher(word).matches();
                out.add(new Token(word, false, plain, space));
                i = j;
            }
        }
        return out;
    }
}
