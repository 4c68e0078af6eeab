package org.policyradar.route;

import java.util.List;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.listing.DetectedListing;

/**
 * What one read of a source gave: its items, the validators of followed pages (committed once the items are stored),
 * and the pages that failed, each named in {@code errors} ({@code source=… url=… reason=…}).
 *
 * @param detectedListing when an html listing was read by the detector ({@code listing: auto}, or selectors that
 *                        matched nothing): what it found; null otherwise
 */
public record SourceRead(List<RawItem> items, List<PageValidators> validators, int failed, List<String> errors,
                         DetectedListing detectedListing) {
    public SourceRead {
        items = List.copyOf(items);
        validators = List.copyOf(validators);
        errors = List.copyOf(errors);
    }

    /** A read whose entries came from configured selectors, a feed or a JSON endpoint. */
    public SourceRead(List<RawItem> items, List<PageValidators> validators, int failed, List<String> errors) {
        this(items, validators, failed, errors, null);
    }

    /** This read, its entries found by the listing detector as {@code detected} says (null: they were not). */
    public SourceRead detected(DetectedListing detected) {
        return new SourceRead(items, validators, failed, errors, detected);
    }

    /** Items read straight from the response, no page followed. */
    public static SourceRead of(List<RawItem> items) {
        return new SourceRead(items, List.of(), 0, List.of());
    }

    /** Entries the response listed: items plus pages that failed. */
    public int fetched() {
        return items.size() + failed;
    }
}
