package org.policyradar.extract;

import java.time.Instant;

/** One entry of an HTML listing page: the linked page, its title as listed, and the listed date (or null). */
public record ListingEntry(String url, String title, Instant published) {
}
