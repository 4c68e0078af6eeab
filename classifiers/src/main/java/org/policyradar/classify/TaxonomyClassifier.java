package org.policyradar.classify;

import org.policyradar.taxonomy.Entity;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies items against the taxonomy with CoreNLP tokens: detects the language, tokenises each field with the
 * pipeline for that language, matches the compiled taxonomy, and scores topics with evidence (see
 * {@link TopicScorer} for the calibration). Build once per process and share: it is immutable and thread-safe.
 */
public final class TaxonomyClassifier implements ItemClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyClassifier.class);

    private final Taxonomy taxonomy;
    private final TextAnalysers analysers;
    private final RuleBook rules;
    private final TopicScorer scorer;
    private final NumericMentions numbers = new NumericMentions();
    private final Map<String, Entity> entities = new HashMap<>();
    private final String version;

    /**
     * @param taxonomy  a validated taxonomy ({@link TaxonomyLoader})
     * @param analysers the CoreNLP pipelines; share one instance between classifiers built from different taxonomies
     * @throws org.policyradar.taxonomy.TaxonomyException if a pattern does not compile
     */
    public TaxonomyClassifier(Taxonomy taxonomy, TextAnalysers analysers) {
        long start = System.nanoTime();
        this.taxonomy = taxonomy;
        this.analysers = analysers;
        this.rules = new RuleBook(taxonomy, analysers);
        this.scorer = new TopicScorer(taxonomy, TopicScorer.DEFAULT_TITLE_BOOST, TopicScorer.DEFAULT_THRESHOLD);
        taxonomy.entities().forEach(e -> entities.put(e.id(), e));
        this.version = versionOf(taxonomy);
        LOG.info("event=classifier_built taxonomy={} version={} topics={} entities={} rules={} ms={}", taxonomy.source(),
                taxonomy.version(), taxonomy.topics().size(), taxonomy.entities().size(), rules.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The default taxonomy with fresh pipelines: what the pipeline uses unless an analyst supplies a file. */
    public static TaxonomyClassifier withDefaultTaxonomy() {
        return new TaxonomyClassifier(TaxonomyLoader.loadDefault(), new TextAnalysers());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** A hash of the taxonomy's whole content (an edit without a new version number counts) and of this build. */
    @Override
    public String version() {
        return version;
    }

    private static String versionOf(Taxonomy taxonomy) {
        String build = String.valueOf(TaxonomyClassifier.class.getPackage().getImplementationVersion());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((build + "\n" + taxonomy).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public Classification classify(TextItem item) {
        String summary = item.summary() == null ? "" : item.summary();
        String text = item.text() == null ? "" : item.text();
        String lang = analysers.detector().detect(item.title() + "\n" + summary + "\n" + text, item.lang());

        AnalysedText title = analysers.analyse(item.title(), lang);
        AnalysedText summaryTokens = summary.isBlank() ? null : analysers.analyse(summary, lang);
        AnalysedText textTokens = text.isBlank() || text.strip().equals(summary.strip()) ? null : analysers.analyse(text, lang);

        List<FieldMatches> fields = new ArrayList<>();
        fields.add(new FieldMatches("title", item.title(), rules.match(title)));
        // feeds often repeat the title as summary: counting it twice would fake a second mention
        if (summaryTokens != null && !sameText(summary, item.title())) {
            fields.add(new FieldMatches("summary", summary, rules.match(summaryTokens)));
        }
        if (textTokens != null) {
            fields.add(new FieldMatches("text", text, rules.match(textTokens)));
        }

        int bodyTokens = (summaryTokens == null ? 0 : summaryTokens.tokens().size()) + (textTokens == null ? 0 : textTokens.tokens().size());
        TopicScorer.Result result = scorer.score(fields, bodyTokens);
        List<EntityMention> mentions = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        for (FieldMatches f : fields) {
            entityMentions(f, mentions);
            signals(f, signals);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("title", title.indexTerms());
        StringBuilder body = new StringBuilder();
        for (AnalysedText a : new AnalysedText[]{summaryTokens, textTokens}) {
            if (a == null) continue;
            String terms = a.indexTerms();
            if (terms.isEmpty()) continue;
            if (!body.isEmpty()) body.append(' ');
            body.append(terms);
        }
        tokens.put("body", body.toString());
        return new Classification(lang, result.topics(), result.scores(), result.evidence(), mentions, signals, tokens);
    }

    @Override
    public String analyze(String text, String lang) {
        if (text == null || text.isBlank()) return "";
        String detected = analysers.detector().detect(text, lang);
        return analysers.analyse(text, detected).indexTerms();
    }

    private void entityMentions(FieldMatches f, List<EntityMention> out) {
        List<Match> entityMatches = longestPerTarget(f.matches(), Rule.Kind.ENTITY);
        for (Match m : entityMatches) {
            Entity e = entities.get(m.rule().targetId());
            out.add(new EntityMention(e.id(), e.kind(), e.name(), f.surface(m), f.field(), m.begin(), m.end()));
        }
    }

    private void signals(FieldMatches f, List<Signal> out) {
        for (Match m : longestPerTarget(f.matches(), Rule.Kind.SIGNAL)) {
            out.add(new Signal(m.rule().targetId(), f.surface(m), f.field(), m.begin(), m.end()));
        }
        out.addAll(numbers.find(f.field(), f.text()));
    }

    /** Matches of one kind, without those inside a longer match of the same target, in text order. */
    private static List<Match> longestPerTarget(List<Match> matches, Rule.Kind kind) {
        List<Match> sorted = new ArrayList<>(matches.stream().filter(m -> m.rule().kind() == kind && !m.rule().negative()).toList());
        sorted.sort(Comparator.comparingInt(Match::length).reversed());
        List<Match> kept = new ArrayList<>();
        outer:
        for (Match m : sorted) {
            for (Match k : kept) {
                if (k.rule().targetId().equals(m.rule().targetId()) && m.within(k)) continue outer;
            }
            kept.add(m);
        }
        kept.sort(Comparator.comparingInt(Match::begin));
        return kept;
    }

    private static boolean sameText(String a, String b) {
        return a.strip().equals(b.strip());
    }
}
