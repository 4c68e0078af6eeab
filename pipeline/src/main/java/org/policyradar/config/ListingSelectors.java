package org.policyradar.config;

/** CSS selectors that find the entries of an HTML listing page ({@code kind: html} sources). */
public record ListingSelectors(String item, String link, String title, String date) {

    /** {@code item="…" link="…" title="…" date="…"} (keys without a selector left out), for logs and analysts. */
    public String describe() {
        return "item=\"" + item + "\"" + (link == null ? "" : " link=\"" + link + "\"")
                + (title == null ? "" : " title=\"" + title + "\"") + (date == null ? "" : " date=\"" + date + "\"");
    }
}
