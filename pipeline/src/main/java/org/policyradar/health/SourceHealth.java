package org.policyradar.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.policyradar.config.ListingSelectors;
import org.policyradar.item.SourceRef;

/**
 * The health of one source, as stored in {@code radar-sources} (one document per source id).
 *
 * @param itemErrorsLast why entries or pages of the last poll failed ({@code source=… url=… reason=…}); null when none
 * @param state {@code ok} (last poll worked), {@code failing} (last poll failed), {@code selectors_stale} (the html
 *              source's selectors matched nothing: the detected listing was used, see {@code listing_detected}),
 *              {@code stale} (works but has produced nothing new for longer than usual)
 * @param selectorsStale  the last poll's configured selectors matched nothing (an analyst should fix them)
 * @param listingDetected the selectors the last poll's detected listing was read with ({@code listing: auto} or the
 *                        stale fallback): the suggestion for {@code listing:}; null when none was detected
 * @param listingNote     what the detector did, in words, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceHealth(SourceRef source,
                           String kind,
                           String url,
                           String schedule,
                           @JsonProperty("schedule_seconds") long scheduleSeconds,
                           @JsonProperty("first_attempt") Instant firstAttempt,
                           @JsonProperty("last_attempt") Instant lastAttempt,
                           @JsonProperty("last_success") Instant lastSuccess,
                           @JsonProperty("last_status") int lastStatus,
                           @JsonProperty("last_error") String lastError,
                           @JsonProperty("last_error_at") Instant lastErrorAt,
                           @JsonProperty("consecutive_failures") int consecutiveFailures,
                           long polls,
                           long failures,
                           @JsonProperty("items_fetched_last") int itemsFetchedLast,
                           @JsonProperty("items_new_last") int itemsNewLast,
                           @JsonProperty("items_failed_last") int itemsFailedLast,
                           @JsonProperty("item_errors_last") List<String> itemErrorsLast,
                           @JsonProperty("items_total") long itemsTotal,
                           @JsonProperty("items_failed_total") long itemsFailedTotal,
                           @JsonProperty("last_new_item_at") Instant lastNewItemAt,
                           @JsonProperty("avg_items_per_day") double avgItemsPerDay,
                           boolean stale,
                           String state,
                           @JsonProperty("selectors_stale") boolean selectorsStale,
                           @JsonProperty("listing_detected") ListingSelectors listingDetected,
                           @JsonProperty("listing_note") String listingNote) {

    /** The state word: failing before selectors_stale before stale before ok. */
    public static String state(boolean failing, boolean selectorsStale, boolean stale) {
        return failing ? "failing" : selectorsStale ? "selectors_stale" : stale ? "stale" : "ok";
    }

    /**
     * A working source is stale when it has produced nothing new for longer than usual: three times its average gap
     * between new items, and never less than two poll intervals or one day (a quiet night is not news).
     */
    public static boolean isStale(Instant now, Instant lastNewItemAt, Instant firstAttempt, double avgItemsPerDay,
                                  long scheduleSeconds) {
        Instant reference = lastNewItemAt != null ? lastNewItemAt : firstAttempt;
        if (reference == null) {
            return false;
        }
        Duration usualGap = avgItemsPerDay > 0 ? Duration.ofSeconds((long) (86_400 / avgItemsPerDay)) : Duration.ofDays(1);
        Duration allowed = usualGap.multipliedBy(3);
        Duration floor = Duration.ofSeconds(Math.max(2 * scheduleSeconds, 86_400));
        if (allowed.compareTo(floor) < 0) {
            allowed = floor;
        }
        return Duration.between(reference, now).compareTo(allowed) > 0;
    }
}
