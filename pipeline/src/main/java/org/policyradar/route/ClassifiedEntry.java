package org.policyradar.route;

import org.policyradar.item.Item;

/** One entry after classification: the item, or why it could not be built. */
public sealed interface ClassifiedEntry {
    record Ok(Item item) implements ClassifiedEntry {
    }

    record Failed(String id, String url, String reason) implements ClassifiedEntry {
    }
}
