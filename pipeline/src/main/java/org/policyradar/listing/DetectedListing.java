package org.policyradar.listing;

import org.policyradar.config.ListingSelectors;

/**
 * A poll that read its listing through the detector rather than through configured selectors.
 *
 * @param suggested      the detected block's selectors (what an analyst can copy into {@code listing:}); null when the
 *                       configured selectors matched nothing and no block was credible either
 * @param selectorsStale the source has selectors and they matched nothing on the page: an analyst should fix them
 * @param entries        entries read from the detected block
 */
public record DetectedListing(ListingSelectors suggested, boolean selectorsStale, int entries) {

    /** One line for an analyst: what happened and what to put in the configuration. */
    public String describe() {
        String found = suggested == null ? "no listing found on the page (filled by script? see the page source)"
                : "this poll used the detected listing (" + entries + " entries): " + suggested.describe();
        return (selectorsStale ? "selectors matched nothing; " : "listing: auto; ") + found;
    }
}
