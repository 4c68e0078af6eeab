package org.policyradar.classify;

/**
 * The text of one news item as the classifier sees it. Any field but {@code title} may be null.
 *
 * @param id      caller's identifier, echoed in logs and errors
 * @param lang    declared language (BCP-47 such as {@code en}, {@code zh-CN}); null or wrong values are
 *                corrected by detection
 */
public record TextItem(String id, String title, String summary, String text, String lang) {
    public TextItem {
        title = title == null ? "" : title;
    }
}
