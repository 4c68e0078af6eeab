package org.policyradar.route;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.policyradar.change.ChangeTracker;
import org.policyradar.config.Region;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.DocumentExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.PageContentCheck;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.fetch.Validators;
import org.policyradar.listing.ListingResolver;
import org.policyradar.parse.FeedParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an {@code html} source: the listing page's entries by the source's CSS selectors (or, for {@code listing: auto}
 * and selectors that matched nothing, by the detected listing: {@link ListingResolver}), then (with {@code follow})
 * each linked page for its main text through {@link ListingFollower}.
 */
public final class HtmlSourceReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlSourceReader.class);

    private final Fetcher pageFetcher;
    private final HtmlDecoder decoder;
    private final ListingResolver listingResolver;
    private final PageContentCheck contentCheck;
    private final ListingFollower follower;

    /** @param pageFetcher checks robots.txt: the listing page is fetched under the same rules as the pages it links to */
    public HtmlSourceReader(Fetcher pageFetcher, HtmlDecoder decoder, ListingResolver listingResolver,
                            PageContentCheck contentCheck, ListingFollower follower) {
        this.pageFetcher = pageFetcher;
        this.decoder = decoder;
        this.listingResolver = listingResolver;
        this.contentCheck = contentCheck;
        this.follower = follower;
    }

    /** With its own {@link ListingFollower} over the same fetcher. */
    public HtmlSourceReader(Fetcher pageFetcher, FetchStateStore fetchState, LinkPolicy linkPolicy, HtmlDecoder decoder,
                            ListingResolver listingResolver, ArticleExtractor extractor, PageContentCheck contentCheck,
                            ChangeTracker changes, DocumentExtractor documents) {
        this(pageFetcher, decoder, listingResolver, contentCheck,
                new ListingFollower(pageFetcher, fetchState, linkPolicy, decoder, extractor, contentCheck, changes, documents));
    }

    /** Fetches the listing page itself under the same robots.txt rules as the pages it links to. */
    @Override
    public FetchResult fetch(SourceConfig source, Validators stored) throws FetchException {
        // A tracked document is usually edited in place while its listing stays the same: a 304 for the listing must
        // not stop the pages from being checked, so the listing of a tracked source is always fetched in full (the
        // pages themselves are still fetched conditionally).
        boolean tracked = source.trackChanges() && source.follow();
        return pageFetcher.fetch(source.id(), source.url(), tracked ? Validators.NONE : stored, source.request());
    }

    @Override
    public SourceRead read(SourceConfig source, FetchResult listingPage) throws FeedParseException {
        ListingResolver.Resolved listing = listing(source, listingPage);
        return follower.read(source, listing.entries(), listingPage).detected(listing.detected().orElse(null));
    }

    /**
     * The listing page's entries by the source's selectors, or by the detected listing.
     *
     * @throws FeedParseException also when {@code listing: auto} finds no listing on the page
     */
    public ListingResolver.Resolved listing(SourceConfig source, FetchResult listingPage) throws FeedParseException {
        Optional<String> notHtml = contentCheck.refusal(listingPage.body(), listingPage.contentType());
        if (notHtml.isPresent()) {
            throw new FeedParseException(source.id(), "listing " + listingPage.finalUri() + ": " + notHtml.get(), null);
        }
        String html = decoder.decode(listingPage.body(), listingPage.contentType(), source.charset().orElse(null));
        ZoneId zone = zone(source);
        ListingResolver.Resolved listing = listingResolver.resolve(source.id(), Jsoup.parse(html, listingPage.finalUri().toString()),
                source.listing(), zone, LocalDate.ofInstant(listingPage.fetched(), zone)).orElseThrow(() -> new FeedParseException(
                source.id(), "listing " + listingPage.finalUri() + ": listing: auto found no block of repeated dated links on "
                + "the page; give the source CSS selectors (listing: { item: …, link: …, date: … })", null));
        LOG.debug("event=listing_parsed source={} entries={} skipped={}", source.id(), listing.entries().size(), listing.skipped());
        return listing;
    }

    /** Where a bare listed date is meant: Beijing time for Chinese sources. */
    public static ZoneId zone(SourceConfig source) {
        return source.region() == Region.CN ? ZoneId.of("Asia/Shanghai") : ZoneOffset.UTC;
    }
}
