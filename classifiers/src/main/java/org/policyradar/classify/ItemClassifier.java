package org.policyradar.classify;

/**
 * Turns an item's text into topics with evidence. Implementations are thread-safe and expensive to build:
 * build one per process and share it.
 */
public interface ItemClassifier {

    Classification classify(TextItem item);

    /**
     * Analyses free text (a search query) the same way item fields are analysed, so it can be matched against
     * the whitespace-token fields: lower-cased tokens, Chinese segmented, joined by single spaces.
     */
    String analyze(String text, String lang);

    /**
     * What this classifier does, as a short string: two classifiers with the same version classify the same text the
     * same way. The pipeline skips entries it stored unchanged under this version and classifies them again after an
     * upgrade or a taxonomy edit.
     */
    String version();
}
