package org.policyradar.classify;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * CoreNLP's English tokenizer, also used for German and French (no models for them are loaded; the taxonomy carries
 * their terms). Tokenize only: POS and lemmas would cost 10x the time, and word-form alternations in the taxonomy
 * (a trailing {@code *}) cover inflection. Thread-safe: the pipeline is shared, each call has its own Annotation.
 */
final class LatinTokenizer {

    private final StanfordCoreNLP pipeline;

    LatinTokenizer() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize");
        props.setProperty("tokenize.language", "en");
        // keep brackets and quotes as written: tokens are indexed for search and shown as evidence
        props.setProperty("tokenize.options", "ptb3Escaping=false,untokenizable=noneDelete,splitHyphenated=true");
        this.pipeline = new StanfordCoreNLP(props);
    }

    AnalysedText analyse(String text, String lang) {
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        List<CoreLabel> labels = doc.get(CoreAnnotations.TokensAnnotation.class);
        List<Token> tokens = new ArrayList<>(labels.size());
        for (CoreLabel label : labels) {
            int begin = label.beginPosition();
            int end = label.endPosition();
            String surface = text.substring(begin, end);
            tokens.add(new Token(matchForm(surface), surface.toLowerCase(Locale.ROOT), begin, end));
        }
        return new AnalysedText(text, lang, labels, tokens);
    }

    /** Hyphens and dashes vanish (so "cyber-attack", "cyber - attack" and "cyberattack" meet); apostrophes become ASCII. */
    static String matchForm(String surface) {
        StringBuilder sb = new StringBuilder(surface.length());
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            switch (c) {
                case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u00AD' -> { }
                case '\u2019', '\u2018', '`' -> sb.append('\'');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
