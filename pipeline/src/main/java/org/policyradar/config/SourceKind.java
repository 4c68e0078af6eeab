package org.policyradar.config;

import java.util.Locale;

/** How a source is read: an RSS/Atom feed, an HTML listing page, or a JSON listing endpoint. */
public enum SourceKind {
    FEED, HTML, JSON;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
