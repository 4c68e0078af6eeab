package org.policyradar.classify;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MultiPatternMatcher;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchResult;
import edu.stanford.nlp.ling.tokensregex.SequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.SequencePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import org.policyradar.taxonomy.Entity;
import org.policyradar.taxonomy.SignalType;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TermGroup;
import org.policyradar.taxonomy.Topic;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy compiled into matchers: a word-indexed phrase matcher for Latin-script text, a segment-aware matcher
 * for Chinese, and CoreNLP TokensRegex (one {@link MultiPatternMatcher}) for the patterns that need regular
 * expressions over tokens. Immutable after construction, so shared by all threads.
 */
final class RuleBook {

    private final LatinPhraseIndex latin = new LatinPhraseIndex();
    private final ChinesePhraseIndex chinese = new ChinesePhraseIndex();
    private final Map<SequencePattern<CoreMap>, Rule> patternRules = new IdentityHashMap<>();
    private final MultiPatternMatcher<CoreMap> tokensRegex;
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
        List<TokenSequencePattern> patterns = new ArrayList<>();
        patternRules.keySet().forEach(p -> patterns.add((TokenSequencePattern) p));
        this.tokensRegex = patterns.isEmpty() ? null : TokenSequencePattern.getMultiPatternMatcher(patterns);
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
        if (tokensRegex != null && !text.labels().isEmpty()) {
            List<CoreLabel> labels = text.labels();
            for (SequenceMatchResult<CoreMap> r : tokensRegex.find(labels, SequenceMatcher.FindType.FIND_ALL)) {
                Rule rule = patternRules.get(r.pattern());
                if (rule == null || r.end() <= r.start()) continue;
                matches.add(new Match(rule, labels.get(r.start()).beginPosition(), labels.get(r.end() - 1).endPosition()));
            }
        }
        return matches;
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
                        patternRules.put(TokenSequencePattern.compile(env, rule.text()), rule);
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
