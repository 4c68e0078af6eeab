package org.policyradar.route;

import java.net.URI;
import java.util.List;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.JsonListingParser;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.Validators;
import org.policyradar.parse.FeedParseException;

/**
 * Reads a {@code json} source: the endpoint a script-filled listing page loads its entries from (the State Council's
 * {@code ZUIXINZHENGCE.json}, Xinhua's {@code ds_<ID>.json}), with the source's method, body and headers, its entries
 * found by the source's JSONPaths, then (with {@code follow}) each linked page through {@link ListingFollower}.
 */
public final class JsonSourceReader implements SourceReader {
    private final Fetcher fetcher;
    private final JsonListingParser parser;
    private final ListingFollower follower;

    /** @param fetcher checks robots.txt: an endpoint behind a page is fetched under the page's rules */
    public JsonSourceReader(Fetcher fetcher, JsonListingParser parser, ListingFollower follower) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.follower = follower;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Validators stored) throws FetchException {
        // A POST answer is not cacheable: no conditional request. A tracked source fetches its endpoint in full so its
        // pages are checked even when the list is the same (as an html listing).
        boolean conditional = "GET".equals(source.request().method()) && !(source.trackChanges() && source.follow());
        return fetcher.fetch(source.id(), source.url(), conditional ? stored : Validators.NONE, source.request());
    }

    @Override
    public SourceRead read(SourceConfig source, FetchResult fetched) throws FeedParseException {
        List<org.policyradar.extract.ListingEntry> entries;
        try {
            entries = parser.parse(fetched.body(), fetched.contentType(), source.charset().orElse(null),
                    URI.create(fetched.finalUri().toString()), source.json().orElseThrow(), HtmlSourceReader.zone(source)).entries();
        } catch (JsonListingParser.NotJsonException e) {
            throw new FeedParseException(source.id(), "endpoint " + fetched.finalUri() + ": " + e.getMessage(), e);
        }
        return follower.read(source, entries, fetched);
    }
}
