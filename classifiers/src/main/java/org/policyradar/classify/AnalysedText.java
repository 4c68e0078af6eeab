package org.policyradar.classify;

import edu.stanford.nlp.ling.CoreLabel;

import java.util.List;

/**
 * A field's text after tokenisation, in the language that chose the pipeline.
 *
 * @param labels the CoreNLP tokens (what TokensRegex matches against); empty for Chinese
 * @param tokens the tokens the phrase matchers and the search index use
 */
record AnalysedText(String text, String lang, List<CoreLabel> labels, List<Token> tokens) {

    String indexTerms() {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.index().isBlank()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(t.index());
        }
        return sb.toString();
    }
}
