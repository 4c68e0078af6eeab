package org.policyradar.extract;

import java.time.Instant;

/**
 * One entry of a listing (an HTML list or a JSON endpoint): the linked page, its title as listed, the listed date (or
 * null) and a listed summary (or null).
 */
public record ListingEntry(String url, String title, Instant published, String summary) {
    public ListingEntry(String url, String title, Instant published) {
        this(url, title, published, null);
    }
}
