package org.policyradar.index;

import java.util.List;

/**
 * What a bulk write did, item by item.
 *
 * @param created  documents that did not exist before
 * @param updated  documents that existed (same canonical URL) and were overwritten
 * @param failures items Elasticsearch refused for good (mapping errors...), with the reason
 */
public record BulkOutcome(int created, int updated, List<Failure> failures) {
    public BulkOutcome {
        failures = List.copyOf(failures);
    }

    /** One refused document. */
    public record Failure(String id, String url, int status, String reason) {
    }
}
