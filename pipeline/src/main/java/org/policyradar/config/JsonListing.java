package org.policyradar.config;

import java.util.Optional;

/**
 * How to read the entries of a {@code kind: json} source: {@code items} is a JSONPath selecting the entries (e.g.
 * {@code $[*]}, {@code $.datasource[*]}); the others are JSONPaths relative to one entry, each already made absolute
 * ({@code TITLE} becomes {@code $.TITLE}) by {@link #entryPath(String)}.
 */
public record JsonListing(String items, String title, String link, Optional<String> date, Optional<String> summary) {

    /** A path relative to one entry as written in sources.yaml (a bare key, {@code a.b}, {@code [0]} or {@code $.x}). */
    public static String entryPath(String written) {
        String p = written.strip();
        if (p.startsWith("$")) {
            return p;
        }
        if (p.startsWith("[")) {
            return "$" + p;
        }
        return "$." + (p.startsWith(".") ? p.substring(1) : p);
    }
}
