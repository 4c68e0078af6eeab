package org.policyradar.route;

import java.time.Instant;
import java.util.List;
import org.policyradar.listing.DetectedListing;

/**
 * What one poll of one source did.
 *
 * @param status   HTTP status of the fetch (0 when none arrived)
 * @param fetched  entries found in the response
 * @param created  items new to the index
 * @param updated  items already indexed (same canonical URL), overwritten
 * @param unchanged entries stored before with the same content and still indexed: neither classified nor written again
 * @param failed   entries that could not be classified or indexed (each logged with its URL and reason)
 * @param spooled  items kept in the local spool because Elasticsearch did not take them yet (replayed later)
 * @param error    why the poll as a whole failed, or null
 * @param itemErrors why single entries or pages failed ({@code source=… url=… reason=…}), at most {@link #MAX_ITEM_ERRORS}
 * @param detectedListing an html listing read by the detector ({@code listing: auto}, or selectors that matched
 *                        nothing: then flagged {@code selectors_stale}); null when the configured selectors worked
 */
public record PollOutcome(String sourceId, Instant started, Instant finished, int status, int fetched, int created,
                          int updated, int unchanged, int failed, int spooled, String error, List<String> itemErrors,
                          DetectedListing detectedListing) {
    public static final int MAX_ITEM_ERRORS = 20;

    public PollOutcome {
        itemErrors = itemErrors == null ? List.of() : List.copyOf(itemErrors.subList(0, Math.min(MAX_ITEM_ERRORS, itemErrors.size())));
    }

    /** An outcome without a detected listing (feeds, configured selectors that worked, failed polls). */
    public PollOutcome(String sourceId, Instant started, Instant finished, int status, int fetched, int created,
                       int updated, int unchanged, int failed, int spooled, String error, List<String> itemErrors) {
        this(sourceId, started, finished, status, fetched, created, updated, unchanged, failed, spooled, error, itemErrors, null);
    }

    /** The outcome of a poll that stored nothing: not modified, or failed as a whole. */
    public static PollOutcome empty(String sourceId, Instant started, Instant finished, int status, String error) {
        return new PollOutcome(sourceId, started, finished, status, 0, 0, 0, 0, 0, 0, error, List.of());
    }

    /** The first item error and how many more, for one-line summaries; empty when none. */
    public String errorsSummary() {
        return summarise(itemErrors, failed);
    }

    public static String summarise(List<String> errors, int failed) {
        if (errors == null || errors.isEmpty()) {
            return "";
        }
        int more = Math.max(failed, errors.size()) - 1;
        return errors.get(0) + (more > 0 ? " (+" + more + " more)" : "");
    }

    public boolean ok() {
        return error == null;
    }
}
