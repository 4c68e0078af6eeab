package org.policyradar.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.policyradar.config.ListingSelectors;

/**
 * Reads a listing page (a ministry's "policy documents" list) with the source's CSS selectors: one entry per
 * {@code item}, its link resolved against the page URL, title, and a date in the forms such pages use
 * ({@link ListingDates}: {@code 2024-04-24}, {@code 2024年4月24日}, {@code 24.04.2024}, {@code 24 April 2024}, …).
 */
public final class ListingParser {

    /** Entries found and items skipped (no link). */
    public record Listing(List<ListingEntry> entries, int skipped) {
    }

    /** @param zone where a bare date is meant (Beijing time for Chinese government sites) */
    public Listing parse(String html, String pageUrl, ListingSelectors selectors, ZoneId zone) {
        return parse(Jsoup.parse(html, pageUrl), selectors, zone, LocalDate.now(zone));
    }

    /**
     * @param doc       the listing page, parsed with its URL as base URI (links are resolved against it)
     * @param reference the day the page was read: the year of a year-less date such as {@code [11-30]}
     */
    public Listing parse(Document doc, ListingSelectors selectors, ZoneId zone, LocalDate reference) {
        List<ListingEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int skipped = 0;
        for (Element item : doc.select(selectors.item())) {
            Element link = selectors.link() == null ? item.selectFirst("a[href]") : item.selectFirst(selectors.link());
            if (link != null && !link.hasAttr("href")) {
                link = link.selectFirst("a[href]");
            }
            String url = link == null ? "" : link.absUrl("href");
            if (url.isEmpty() || !(url.startsWith("http://") || url.startsWith("https://"))) {
                skipped++;
                continue;
            }
            if (!seen.add(url)) {
                continue;
            }
            Element titleElement = selectors.title() == null ? link : item.selectFirst(selectors.title());
            String title = titleElement == null ? link.text() : titleElement.hasAttr("title") ? titleElement.attr("title") : titleElement.text();
            Element dateElement = selectors.date() == null ? null : item.selectFirst(selectors.date());
            Instant published = ListingDates.find(dateElement != null ? dateElement.text() : item.ownText(), reference)
                    .map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
            entries.add(new ListingEntry(url, title.strip(), published));
        }
        return new Listing(entries, skipped);
    }
}
