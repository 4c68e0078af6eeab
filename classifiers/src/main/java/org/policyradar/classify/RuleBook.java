package org.policyradar.classify;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchResult;
import edu.stanford.nlp.ling.tokensregex.SequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.IntervalTree;
import org.policyradar.taxonomy.Entity;
import org.policyradar.taxonomy.SignalType;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy compiled into matchers: a word-indexed phrase matcher for Latin-script text, a segment-aware matcher
 * for Chinese, and CoreNLP TokensRegex (each pattern run only where its required tokens occur) for the patterns that need regular
 * expressions over tokens. Immutable after construction, so shared by all threads.
 */
final class RuleBook {

    private final LatinPhraseIndex latin = new LatinPhraseIndex();
    private final ChinesePhraseIndex chinese = new ChinesePhraseIndex();
    private final List<TriggeredPattern> tokensRegex = new ArrayList<>();
    private final int ruleCount;

    RuleBook(Taxonomy taxonomy, TextAnalysers analysers) {
        Compiler compiler = new Compiler(taxonomy.source(), analysers);
        for (Topic t : taxonomy.topics()) {
            compiler.groups(Rule.Kind.TOPIC, "topic '" + t.id() + "'", t.id(), "terms", t.terms(), false);
            compiler.groups(Rule.Kind.TOPIC, "topic '" + t.id() + "'", t.id(), "negatives", t.negatives(), true);
        }
        for (Entity e : taxonomy.entities()) {
            compiler.groups(Rule.Kind.ENTITY, "entity '" + e.id() + "'", e.id(), "aliases", e.aliases(), false);
        }
        for (SignalType s : taxonomy.signals()) {
            compiler.groups(Rule.Kind.SIGNAL, "signal '" + s.id() + "'", s.id(), "terms", s.terms(), false);
        }
        if (!compiler.problems.isEmpty()) {
            throw new TaxonomyException(compiler.problems.size() + " problem(s) in taxonomy:\n  " + String.join("\n  ", compiler.problems));
        }
        this.ruleCount = compiler.count;
    }

    int size() {
        return ruleCount;
    }

    List<Match> match(AnalysedText text) {
        if (TextAnalysers.isChinese(text.lang())) {
            return chinese.find(text.tokens());
        }
        Set<String> langs = switch (text.lang()) {
            case LanguageDetector.DE -> Set.of("en", "de");
            case LanguageDetector.FR -> Set.of("en", "fr");
            default -> Set.of("en");
        };
        List<Match> matches = latin.find(text.tokens(), langs);
        List<CoreLabel> labels = text.labels();
        for (SequenceMatchResult<CoreMap> r : find(tokensRegex, labels)) {
            Rule rule = tokensRegex.get(r.getOrder()).rule(); // the order set is the pattern's index
            if (r.end() <= r.start()) continue;
            matches.add(new Match(rule, labels.get(r.start()).beginPosition(), labels.get(r.end() - 1).endPosition()));
        }
        return matches;
    }

    /**
     * What CoreNLP's {@code MultiPatternMatcher.find(tokens, FIND_ALL)} returns (every match of every pattern, then
     * the best non-overlapping set by priority, length and pattern order, in text order), but each pattern is run
     * only if its required tokens occur.
     */
    static List<SequenceMatchResult<CoreMap>> find(List<TriggeredPattern> patterns, List<? extends CoreMap> tokens) {
        if (tokens.isEmpty()) return List.of();
        List<SequenceMatchResult<CoreMap>> all = new ArrayList<>();
        for (int order = 0; order < patterns.size(); order++) {
            TriggeredPattern p = patterns.get(order);
            if (!p.canMatch(tokens)) continue;
            SequenceMatcher<CoreMap> m = p.pattern().getMatcher(tokens);
            m.setMatchWithResult(false);
            m.setFindType(SequenceMatcher.FindType.FIND_ALL);
            m.setOrder(order);
            while (m.find()) all.add(m.toBasicSequenceMatchResult());
        }
        if (all.isEmpty()) return List.of();
        List<SequenceMatchResult<CoreMap>> kept = IntervalTree.getNonOverlapping(all, SequenceMatchResult.TO_INTERVAL,
                SequenceMatchResult.DEFAULT_COMPARATOR);
        kept.sort(SequenceMatchResult.OFFSET_COMPARATOR);
        return kept;
    }

    /**
     * A TokensRegex pattern with the node patterns every match must use (those on its path before the first optional
     * or branching element). CoreNLP's own trigger only indexes exact-string nodes, so patterns made of {@code /regex/}
     * nodes ran the full sequence matcher at every token of every text (a tenth of classification time); a pattern
     * with a required node that matches no token of the text cannot match, and is skipped.
     */
    record TriggeredPattern(SequencePattern<CoreMap> pattern, Rule rule, List<NodePattern<CoreMap>> required) {
        static TriggeredPattern of(SequencePattern<CoreMap> pattern, Rule rule) {
            return new TriggeredPattern(pattern, rule, List.copyOf(pattern.findNodePatterns(n -> n, false, false)));
        }

        boolean canMatch(List<? extends CoreMap> tokens) {
            for (NodePattern<CoreMap> node : required) {
                if (tokens.stream().noneMatch(node::match)) return false;
            }
            return true;
        }
    }

    /** Turns term groups into rules, collecting every problem with the taxonomy's message style. */
    private final class Compiler {
        private final String source;
        private final TextAnalysers analysers;
        private final Env env = TokenSequencePattern.getNewEnv();
        private final List<String> problems = new ArrayList<>();
        private int count;

        Compiler(String source, TextAnalysers analysers) {
            this.source = source;
            this.analysers = analysers;
        }

        void groups(Rule.Kind kind, String where, String id, String key, List<TermGroup> groups, boolean negative) {
            for (int g = 0; g < groups.size(); g++) {
                TermGroup group = groups.get(g);
                for (Map.Entry<String, List<String>> byLang : group.phrasesByLanguage().entrySet()) {
                    List<String> phrases = byLang.getValue();
                    for (int i = 0; i < phrases.size(); i++) {
                        String at = source + ": " + where + ": key '" + key + "[" + g + "]." + byLang.getKey() + "[" + i + "]'";
                        Rule rule = new Rule(kind, id, phrases.get(i).strip(), byLang.getKey(), group.weight(), negative, group.caseSensitive());
                        if ("zh".equals(byLang.getKey())) chinesePhrase(rule, at);
                        else latinPhrase(rule, at);
                    }
                }
                for (int i = 0; i < group.tokensregex().size(); i++) {
                    String at = source + ": " + where + ": key '" + key + "[" + g + "].tokensregex[" + i + "]'";
                    Rule rule = new Rule(kind, id, group.tokensregex().get(i).strip(), "en", group.weight(), negative, true);
                    try {
                        tokensRegex.add(TriggeredPattern.of(TokenSequencePattern.compile(env, rule.text()), rule));
                        count++;
                    } catch (RuntimeException | Error e) {
                        problems.add(at + " does not compile as TokensRegex (" + firstLine(e) + "); fix: check brackets and "
                                + "/regex/ slashes, e.g. ( /social/ /-/? /credit/ ), or see the TokensRegex documentation");
                    }
                }
            }
        }

        private void latinPhrase(Rule rule, String at) {
            List<LatinPhraseIndex.Unit> units = new ArrayList<>();
            for (String word : rule.text().split("\\s+")) {
                boolean prefix = word.endsWith("*");
                String core = prefix ? word.substring(0, word.length() - 1) : word;
                List<Token> tokens = core.isEmpty() ? List.of() : analysers.analyseLatin(core).tokens();
                List<String> forms = tokens.stream().map(Token::form).filter(f -> !f.isEmpty()).toList();
                if (forms.isEmpty()) {
                    problems.add(at + " ('" + rule.text() + "') has a word with no letters or digits; fix: remove stray '*' or '-'");
                    return;
                }
                for (int k = 0; k < forms.size(); k++) {
                    String form = rule.caseSensitive() ? forms.get(k) : forms.get(k).toLowerCase(Locale.ROOT);
                    units.add(new LatinPhraseIndex.Unit(form, prefix && k == forms.size() - 1));
                }
            }
            latin.add(rule, units);
            count++;
        }

        private void chinesePhrase(Rule rule, String at) {
            String text = analysers.script().toSimplified(rule.text()).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                problems.add(at + " is an empty pattern; fix: write the term or delete the entry");
                return;
            }
            chinese.add(rule, text);
            count++;
        }

        private static String firstLine(Throwable e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            return nl < 0 ? m : m.substring(0, nl);
        }
    }
}
