package org.policyradar.config;

/** CSS selectors that find the entries of an HTML listing page ({@code kind: html} sources). */
public record ListingSelectors(String item, String link, String title, String date) {
}
