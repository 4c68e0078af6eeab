package org.policyradar.classify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One labelled item of a gold file (JSON lines: id, title, summary, text?, lang, topics, and optionally the
 * {@code source} name and {@code link} that cross-validation groups by; other keys ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldItem(String id, String title, String summary, String text, String lang, List<String> topics,
                       String source, String link) {
    public GoldItem {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public GoldItem(String id, String title, String summary, String text, String lang, List<String> topics) {
        this(id, title, summary, text, lang, topics, null, null);
    }

    public TextItem toTextItem() {
        return new TextItem(id, title, summary, text, lang);
    }
}
