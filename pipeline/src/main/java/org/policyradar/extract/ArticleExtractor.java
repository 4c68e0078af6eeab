package org.policyradar.extract;

/** Finds the main text of an article page. */
public interface ArticleExtractor {
    Article extract(String html, String baseUri);
}
