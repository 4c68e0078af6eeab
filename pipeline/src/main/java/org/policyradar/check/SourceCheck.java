package org.policyradar.check;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What {@code radar sources check} found for one source: the HTTP status, what the listing yields, and when it
 * yields nothing, why, in words an analyst can act on.
 *
 * @param redirects the redirect chain from the configured URL, empty when none
 * @param found     the first entries as listed
 * @param hints     further lines: candidate blocks, endpoints the page names, the redirect chain
 */
public record SourceCheck(String sourceId, String kind, URI url, int status, Verdict verdict, String why, int entries,
                          List<Entry> found, List<URI> redirects, List<String> hints) {
    public SourceCheck {
        found = List.copyOf(found);
        redirects = List.copyOf(redirects);
        hints = List.copyOf(hints);
    }

    /** One listed entry: title, date (or null) and link. */
    public record Entry(String title, Instant published, String url) {
    }

    public enum Verdict {
        OK("ok"), MOVED("moved"), SELECTORS_STALE("selectors-stale"), SCRIPT_FILLED("script-filled"),
        CHALLENGE("challenge"), DEAD("dead"), NOT_A_FEED("not-a-feed"), NOT_JSON("not-json"), EMPTY("empty"),
        REFUSED("refused"), FAILED("failed");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A source yields when it listed at least one entry. */
    public boolean yields() {
        return entries > 0;
    }
}
