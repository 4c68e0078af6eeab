package org.policyradar.listing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.policyradar.config.ListingSelectors;
import org.policyradar.extract.ListingEntry;
import org.policyradar.extract.ListingParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a listing page's entries for one poll: with the source's selectors when it has them and they match, else
 * (no selectors: {@code listing: auto}; selectors that matched nothing: the site changed its layout) with the block
 * {@link ListingDetector} finds, saying so in {@link Resolved#detected()} so the source is flagged for an analyst.
 */
public final class ListingResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ListingResolver.class);

    /** The entries to use, entries skipped for want of a link, and how the detector was involved (empty: it was not). */
    public record Resolved(List<ListingEntry> entries, int skipped, Optional<DetectedListing> detected) {
        public Resolved {
            entries = List.copyOf(entries);
        }
    }

    private final ListingParser parser;
    private final ListingDetector detector;

    public ListingResolver(ListingParser parser, ListingDetector detector) {
        this.parser = parser;
        this.detector = detector;
    }

    /** Configured selectors read by a {@link ListingParser}, else the {@link ListingDetector}'s block. */
    public static ListingResolver standard() {
        ListingParser parser = new ListingParser();
        return new ListingResolver(parser, new ListingDetector(parser));
    }

    /**
     * @param configured the source's selectors; empty for {@code listing: auto}
     * @return empty when {@code listing: auto} finds no credible block (the caller fails the poll with that reason)
     */
    public Optional<Resolved> resolve(String sourceId, Document page, Optional<ListingSelectors> configured,
                                      ZoneId zone, LocalDate readOn) {
        if (configured.isPresent()) {
            ListingParser.Listing listing = parser.parse(page, configured.get(), zone, readOn);
            if (!listing.entries().isEmpty()) {
                return Optional.of(new Resolved(listing.entries(), listing.skipped(), Optional.empty()));
            }
        }
        Optional<ListingCandidate> found = detector.detect(page, zone, readOn);
        boolean stale = configured.isPresent();
        if (found.isEmpty()) {
            if (!stale) {
                return Optional.empty();
            }
            LOG.warn("event=selectors_stale source={} url={} configured_item=\"{}\" suggested=none reason=\"selectors matched "
                    + "nothing and no listing was detected\"", sourceId, page.location(), configured.get().item());
            return Optional.of(new Resolved(List.of(), 0, Optional.of(new DetectedListing(null, true, 0))));
        }
        ListingCandidate c = found.get();
        if (stale) {
            LOG.warn("event=selectors_stale source={} url={} configured_item=\"{}\" suggested_item=\"{}\" suggested_link=\"{}\" "
                    + "suggested_date=\"{}\" entries={} score={}", sourceId, page.location(), configured.get().item(),
                    c.selectors().item(), c.selectors().link(), c.selectors().date(), c.entries().size(), c.score());
        } else {
            LOG.info("event=listing_detected source={} url={} {} entries={} score={}", sourceId, page.location(), c.describe(),
                    c.entries().size(), c.score());
        }
        return Optional.of(new Resolved(c.entries(), 0, Optional.of(new DetectedListing(c.selectors(), stale, c.entries().size()))));
    }
}
