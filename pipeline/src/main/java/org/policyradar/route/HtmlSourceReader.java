package org.policyradar.route;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.policyradar.change.ChangeTracker;
import org.policyradar.config.Region;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.DocumentExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.ListingParser;
import org.policyradar.extract.PageContentCheck;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.fetch.Validators;
import org.policyradar.parse.FeedParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an {@code html} source: the listing page's entries by the source's CSS selectors, then (with {@code follow})
 * each linked page for its main text through {@link ListingFollower}.
 */
public final class HtmlSourceReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlSourceReader.class);

    private final Fetcher pageFetcher;
    private final HtmlDecoder decoder;
    private final ListingParser listingParser;
    private final PageContentCheck contentCheck;
    private final ListingFollower follower;

    /** @param pageFetcher checks robots.txt: the listing page is fetched under the same rules as the pages it links to */
    public HtmlSourceReader(Fetcher pageFetcher, HtmlDecoder decoder, ListingParser listingParser, PageContentCheck contentCheck,
                            ListingFollower follower) {
        this.pageFetcher = pageFetcher;
        this.decoder = decoder;
        this.listingParser = listingParser;
        this.contentCheck = contentCheck;
        this.follower = follower;
    }

    /** With its own {@link ListingFollower} over the same fetcher. */
    public HtmlSourceReader(Fetcher pageFetcher, FetchStateStore fetchState, LinkPolicy linkPolicy, HtmlDecoder decoder,
                            ListingParser listingParser, ArticleExtractor extractor, PageContentCheck contentCheck,
                            ChangeTracker changes, DocumentExtractor documents) {
        this(pageFetcher, decoder, listingParser, contentCheck,
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
        return follower.read(source, listing(source, listingPage).entries(), listingPage);
    }

    /** The listing page's entries by the source's selectors. */
    public ListingParser.Listing listing(SourceConfig source, FetchResult listingPage) throws FeedParseException {
        Optional<String> notHtml = contentCheck.refusal(listingPage.body(), listingPage.contentType());
        if (notHtml.isPresent()) {
            throw new FeedParseException(source.id(), "listing " + listingPage.finalUri() + ": " + notHtml.get(), null);
        }
        String html = decoder.decode(listingPage.body(), listingPage.contentType(), source.charset().orElse(null));
        ListingParser.Listing listing = listingParser.parse(html, listingPage.finalUri().toString(),
                source.listing().orElseThrow(), zone(source));
        LOG.debug("event=listing_parsed source={} entries={} skipped={}", source.id(), listing.entries().size(), listing.skipped());
        return listing;
    }

    /** Where a bare listed date is meant: Beijing time for Chinese sources. */
    static ZoneId zone(SourceConfig source) {
        return source.region() == Region.CN ? ZoneId.of("Asia/Shanghai") : ZoneOffset.UTC;
    }
}
