package org.policyradar.route;

import java.util.ArrayList;
import java.util.List;
import org.policyradar.config.SourceConfig;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.Validators;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.parse.FeedEntry;
import org.policyradar.parse.FeedParseException;
import org.policyradar.parse.FeedParser;
import org.policyradar.parse.ParsedFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a {@code feed} source (RSS/Atom): a conditional GET of the feed, one raw item per entry. */
public final class FeedSourceReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSourceReader.class);

    private final Fetcher fetcher;
    private final FeedParser parser;

    /** @param fetcher without robots.txt: a feed is offered by its publisher for syndication */
    public FeedSourceReader(Fetcher fetcher, FeedParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Validators stored) throws FetchException {
        return fetcher.fetch(source.id(), source.url(), stored, source.request());
    }

    @Override
    public SourceRead read(SourceConfig source, FetchResult fetched) throws FeedParseException {
        ParsedFeed feed = parser.parse(source.id(), fetched.body(), fetched.contentType(), source.charset().orElse(null),
                fetched.finalUri(), fetched.fetched());
        List<RawItem> raw = new ArrayList<>(feed.entries().size());
        for (FeedEntry e : feed.entries()) {
            boolean linked = e.link() != null;
            raw.add(RawItem.builder().url(linked ? e.link() : fetched.finalUri().toString()).title(e.title())
                    .summary(e.summary()).text(e.content()).published(e.published()).publishedEstimated(e.publishedEstimated())
                    .fetched(fetched.fetched()).declaredLang(e.lang()).identityKey(linked ? null : e.dedupeKey()).build());
        }
        LOG.debug("event=parsed source={} type={} encoding={} entries={} skipped={}", source.id(), feed.feedType(),
                feed.encoding(), raw.size(), feed.skipped());
        return SourceRead.of(raw);
    }
}
