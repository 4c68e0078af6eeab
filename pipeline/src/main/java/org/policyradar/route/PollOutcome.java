package org.policyradar.route;

import java.time.Instant;

/**
 * What one poll of one source did.
 *
 * @param status   HTTP status of the fetch (0 when none arrived)
 * @param fetched  entries found in the response
 * @param created  items new to the index
 * @param updated  items already indexed (same canonical URL), overwritten
 * @param failed   entries that could not be classified or indexed (each logged with its URL and reason)
 * @param spooled  items kept in the local spool because Elasticsearch did not take them yet (replayed later)
 * @param error    why the poll as a whole failed, or null
 */
public record PollOutcome(String sourceId, Instant started, Instant finished, int status, int fetched, int created,
                          int updated, int failed, int spooled, String error) {

    public boolean ok() {
        return error == null;
    }
}
