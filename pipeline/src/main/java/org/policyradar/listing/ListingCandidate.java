package org.policyradar.listing;

import java.util.List;
import org.policyradar.config.ListingSelectors;
import org.policyradar.extract.ListingEntry;

/**
 * One block of repeated links found on a listing page.
 *
 * @param selectors what an analyst can put under {@code listing:} to read this block (the entries are exactly what
 *                  those selectors yield)
 * @param score     how much the block looks like the page's listing: entries weighted by how title-like their text is
 *                  and whether they carry a date, reduced inside navigation, footers, sidebars, pagers and link boxes
 * @param dated     entries with a date
 */
public record ListingCandidate(ListingSelectors selectors, double score, List<ListingEntry> entries, int dated) {
    public ListingCandidate {
        entries = List.copyOf(entries);
    }

    /** {@code item="…" link="…" date="…"}, for log lines and analysts' messages. */
    public String describe() {
        return selectors.describe();
    }
}
