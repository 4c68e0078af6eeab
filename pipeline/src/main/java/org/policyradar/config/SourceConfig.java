package org.policyradar.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code sources.yaml}.
 *
 * @param charset      overrides every charset the response declares (for sources known to lie)
 * @param trackChanges keep versions of fetched pages so edits raise plan-adjustment alerts
 * @param listing      for {@code kind: html}: how to find entries on the listing page; empty for {@code listing: auto}
 *                     (the page's dominant block of dated links is found each poll)
 * @param follow       for {@code kind: html} and {@code json}: fetch each linked page for its full text
 * @param allowHosts   further hosts whose links may be fetched for this source (besides the source's own)
 * @param note         free text: what kind of page it is, where its URL and selectors come from, and when
 * @param json         for {@code kind: json}: how to find entries in the endpoint's answer
 * @param request      method, body, headers and user agent of the source's requests (a plain GET by default)
 */
public record SourceConfig(String id,
                           String name,
                           Region region,
                           String language,
                           SourceKind kind,
                           URI url,
                           Schedule schedule,
                           Optional<String> charset,
                           boolean trackChanges,
                           Optional<ListingSelectors> listing,
                           boolean follow,
                           List<String> allowHosts,
                           String note,
                           Optional<JsonListing> json,
                           RequestOptions request) {

    /** A source without a JSON listing, requested with a plain GET. */
    public SourceConfig(String id, String name, Region region, String language, SourceKind kind, URI url, Schedule schedule,
                        Optional<String> charset, boolean trackChanges, Optional<ListingSelectors> listing, boolean follow,
                        List<String> allowHosts, String note) {
        this(id, name, region, language, kind, url, schedule, charset, trackChanges, listing, follow, allowHosts, note,
                Optional.empty(), RequestOptions.GET);
    }

    /** This source read for its listing only: no linked page followed, no version kept (for {@code sources check}). */
    public SourceConfig listedOnly() {
        return new SourceConfig(id, name, region, language, kind, url, schedule, charset, false, listing, false, allowHosts,
                note, json, request);
    }

    /** An html source without selectors: its listing is detected on every poll. */
    public boolean listingAuto() {
        return kind == SourceKind.HTML && listing.isEmpty();
    }
}
