package org.policyradar.index;

import java.util.List;

/**
 * What a bulk write did, item by item.
 *
 * @param created  documents that did not exist before
 * @param updated  documents that existed (same canonical URL) and were overwritten
 * @param failures items Elasticsearch refused, with the reason: for good (mapping errors...) or, {@code temporary},
 *                 until it can take writes again (429, 5xx, an index write block)
 */
public record BulkOutcome(int created, int updated, List<Failure> failures) {
    public BulkOutcome {
        failures = List.copyOf(failures);
    }

    /** One refused document; {@code temporary}: the same document will be accepted later, keep it. */
    public record Failure(String id, String url, int status, String reason, boolean temporary) {
    }
}
