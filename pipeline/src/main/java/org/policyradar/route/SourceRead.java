package org.policyradar.route;

import java.util.List;
import org.policyradar.item.ItemFactory.RawItem;

/**
 * What one read of a source gave: its items, the validators of followed pages (committed once the items are stored),
 * and the pages that failed, each named in {@code errors} ({@code source=… url=… reason=…}).
 */
public record SourceRead(List<RawItem> items, List<PageValidators> validators, int failed, List<String> errors) {
    public SourceRead {
        items = List.copyOf(items);
        validators = List.copyOf(validators);
        errors = List.copyOf(errors);
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
