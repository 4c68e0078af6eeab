package org.policyradar.check;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.policyradar.check.SourceCheck.Entry;
import org.policyradar.check.SourceCheck.Verdict;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.fetch.BotChallenge;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.Validators;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.listing.DetectedListing;
import org.policyradar.listing.ListingDetector;
import org.policyradar.parse.FeedParseException;
import org.policyradar.route.HtmlSourceReader;
import org.policyradar.route.SourceRead;
import org.policyradar.route.SourceReaders;

/**
 * Fetches a source now, through the same readers, fetchers, robots.txt and politeness as a poll (in full, no
 * validators, no link followed, nothing stored), and says what its listing yields or why it yields nothing.
 */
public final class SourceChecker {
    /** Entries shown per source. */
    public static final int SHOWN = 5;

    /** Candidate blocks shown when a listing yields nothing. */
    static final int CANDIDATES = 3;

    private final SourceReaders readers;
    private final HtmlDecoder decoder;
    private final ListingDetector detector;

    /** @param detector lists the page's candidate blocks when its selectors match nothing */
    public SourceChecker(SourceReaders readers, HtmlDecoder decoder, ListingDetector detector) {
        this.readers = readers;
        this.decoder = decoder;
        this.detector = detector;
    }

    public SourceCheck check(SourceConfig configured) {
        SourceConfig source = configured.listedOnly();
        FetchResult fetched;
        try {
            fetched = readers.of(source).fetch(source, Validators.NONE);
        } catch (FetchException e) {
            return fetchFailed(source, e);
        }
        List<String> hints = new ArrayList<>();
        boolean moved = !fetched.redirects().isEmpty() && !sameResource(source.url(), fetched.finalUri());
        if (moved) {
            hints.add("redirected: " + chain(source.url(), fetched.redirects()) + "; set url to " + fetched.finalUri());
        }
        Optional<String> challenge = BotChallenge.inPage(fetched.body());
        if (challenge.isPresent()) {
            return result(source, fetched, Verdict.CHALLENGE, "bot challenge: " + challenge.get()
                    + "; the site wants a browser: look for a feed or a JSON endpoint, or try another user_agent", List.of(), hints);
        }
        SourceRead read;
        try {
            read = readers.of(source).read(source, fetched);
        } catch (FeedParseException e) {
            return unreadable(source, fetched, e, hints);
        }
        DetectedListing detected = read.detectedListing();
        if (detected != null && detected.selectorsStale() && detected.suggested() != null) {
            // Polls go on through the detected listing, but the configured selectors read nothing: that is the finding.
            candidates(source, fetched).forEach(c -> hints.add("candidate: " + c));
            return result(source, fetched, Verdict.SELECTORS_STALE, "listing.item '" + source.listing().orElseThrow().item()
                    + "' matched nothing; the selectors are stale (polls read the detected listing meanwhile: "
                    + detected.entries() + " entries): fix listing, e.g. with the first candidate below", List.of(), hints);
        }
        if (detected != null && detected.suggested() != null) {
            hints.add("detected listing (listing: auto): " + detected.suggested().describe());
        }
        List<RawItem> items = read.items();
        if (!items.isEmpty()) {
            return result(source, fetched, moved ? Verdict.MOVED : Verdict.OK, items.size() + (items.size() == 1 ? " entry" : " entries")
                    + (moved ? "; the source moved, update its url" : ""), items, hints);
        }
        return nothingListed(source, fetched, hints);
    }

    private SourceCheck nothingListed(SourceConfig source, FetchResult fetched, List<String> hints) {
        if (source.kind() == SourceKind.FEED) {
            return result(source, fetched, Verdict.EMPTY, "the feed parses but has no entries", List.of(), hints);
        }
        if (source.kind() == SourceKind.JSON) {
            return result(source, fetched, Verdict.EMPTY, "json.items '" + source.json().orElseThrow().items()
                    + "' selects no entry with a title and link; check the paths against the endpoint's answer", List.of(), hints);
        }
        PageClues clues = clues(source, fetched);
        List<String> endpoints = clues.endpoints();
        String item = source.listing().map(l -> l.item()).orElse("?");
        int matched = clues.count(item);
        String selectors = "listing.item '" + item + "' matched " + (matched == 0 ? "nothing" : matched + " element(s) without a usable link");
        if (!endpoints.isEmpty() || clues.looksScriptFilled()) {
            endpoints.forEach(e -> hints.add("endpoint: " + e));
            return result(source, fetched, Verdict.SCRIPT_FILLED, selectors + "; the page looks filled by script"
                    + (endpoints.isEmpty() ? " (it names no JSON endpoint: look at the browser's network requests)"
                    : ": read its JSON endpoint with kind: json"), List.of(), hints);
        }
        List<String> candidates = candidates(source, fetched);
        candidates.forEach(c -> hints.add("candidate: " + c));
        return result(source, fetched, Verdict.SELECTORS_STALE, selectors + "; the selectors are stale"
                + (candidates.isEmpty() ? " and the page has no block of repeated links" : ": fix listing.item, e.g. with a candidate below"),
                List.of(), hints);
    }

    private SourceCheck unreadable(SourceConfig source, FetchResult fetched, FeedParseException e, List<String> hints) {
        Verdict verdict = source.kind() == SourceKind.FEED ? Verdict.NOT_A_FEED
                : source.kind() == SourceKind.JSON ? Verdict.NOT_JSON : Verdict.FAILED;
        String body = new String(fetched.body(), 0, Math.min(fetched.body().length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (verdict != Verdict.FAILED && (body.startsWith("<!doctype html") || body.startsWith("<html") || body.contains("<body"))) {
            PageClues clues = clues(source, fetched);
            clues.advertisedFeeds().forEach(f -> hints.add("feed: " + f + " (advertised by the page)"));
            clues.endpoints().forEach(f -> hints.add("endpoint: " + f));
            return result(source, fetched, verdict, (verdict == Verdict.NOT_A_FEED ? "not a feed" : "not JSON")
                    + ": the URL answers an HTML page" + (hints.isEmpty() ? "" : "; see below"), List.of(), hints);
        }
        if (source.listingAuto()) {
            candidates(source, fetched).forEach(c -> hints.add("candidate: " + c));
        }
        return result(source, fetched, verdict, e.getMessage(), List.of(), hints);
    }

    /** The detector's best blocks on the page, each as the selectors that read it and what they yield. */
    private List<String> candidates(SourceConfig source, FetchResult fetched) {
        ZoneId zone = HtmlSourceReader.zone(source);
        Document page = Jsoup.parse(decoder.decode(fetched.body(), fetched.contentType(), source.charset().orElse(null)),
                fetched.finalUri().toString());
        return detector.candidates(page, zone, LocalDate.ofInstant(fetched.fetched(), zone)).stream().limit(CANDIDATES)
                .map(c -> c.describe() + " (" + c.entries().size() + " entries, " + c.dated() + " dated)").toList();
    }


    private SourceCheck fetchFailed(SourceConfig source, FetchException e) {
        int status = e.status();
        List<String> hints = new ArrayList<>();
        if (!sameResource(source.url(), e.uri())) {
            hints.add("redirected: " + source.url() + " -> " + e.uri());
        }
        Verdict verdict;
        String why;
        if (e.challenge()) {
            verdict = Verdict.CHALLENGE;
            why = reason(e) + "; the site wants a browser: look for a feed or a JSON endpoint, or try another user_agent";
        } else if (status == 404 || status == 410) {
            verdict = Verdict.DEAD;
            why = "HTTP " + status + " at " + e.uri() + ": the page is gone; find where the site moved it and update url";
        } else if (status == 0 && !e.transientFailure()) {
            verdict = Verdict.REFUSED;
            why = (reason(e).contains("robots") ? "robots.txt keeps PolicyRadar out of this URL (" + reason(e) + ")" : reason(e))
                    + "; look for a feed or another page the site allows";
        } else {
            verdict = Verdict.FAILED;
            why = reason(e) + (e.transientFailure() ? " (may be temporary: try again later)" : "");
        }
        return new SourceCheck(source.id(), source.kind().id(), source.url(), status, verdict, why, 0, List.of(), List.of(), hints);
    }

    private PageClues clues(SourceConfig source, FetchResult fetched) {
        return new PageClues(decoder.decode(fetched.body(), fetched.contentType(), source.charset().orElse(null)), fetched.finalUri());
    }

    private static SourceCheck result(SourceConfig source, FetchResult fetched, Verdict verdict, String why, List<RawItem> items,
                                      List<String> hints) {
        List<Entry> shown = items.stream().limit(SHOWN)
                .map(i -> new Entry(i.title(), i.publishedEstimated() ? null : i.published(), i.url())).toList();
        return new SourceCheck(source.id(), source.kind().id(), source.url(), fetched.status(), verdict, why, items.size(), shown,
                fetched.redirects(), hints);
    }

    private static String reason(FetchException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf(" reason=");
        String r = at >= 0 ? m.substring(at + " reason=".length()) : m;
        return r.startsWith("\"") && r.endsWith("\"") && r.length() > 1 ? r.substring(1, r.length() - 1) : r.replace("\"", "");
    }

    /** http→https or a trailing slash is not a move worth reporting. */
    private static boolean sameResource(URI a, URI b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(URI u) {
        String s = u.toString().replaceFirst("^https?://", "");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String chain(URI from, List<URI> hops) {
        StringBuilder b = new StringBuilder(from.toString());
        hops.forEach(h -> b.append(" -> ").append(h));
        return b.toString();
    }
}
