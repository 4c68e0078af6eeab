package org.policyradar.config;

import java.util.Locale;

/** How a source is read: an RSS/Atom feed, or an HTML listing page. */
public enum SourceKind {
    FEED, HTML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
