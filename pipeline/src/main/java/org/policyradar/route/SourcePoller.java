package org.policyradar.route;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.Fetcher;
import org.policyradar.item.Item;
import org.policyradar.item.ItemFactory;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.parse.FeedEntry;
import org.policyradar.parse.FeedParseException;
import org.policyradar.parse.FeedParser;
import org.policyradar.parse.ParsedFeed;
import org.policyradar.spool.SpoolingIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one poll, called by the route in {@link SourceRoutes}: fetch, parse, classify (per entry, in
 * parallel), index. Validators of a conditional GET are committed only after the items are stored, so a crash
 * before that re-fetches instead of skipping.
 */
public final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    static final String SOURCE_ID = "radarSourceId";
    static final String FETCH = "radarFetch";
    static final String STARTED = "radarStarted";
    static final String FETCHED_COUNT = "radarFetchedCount";
    static final String PAGE_VALIDATORS = "radarPageValidators";
    static final String PAGE_FAILURES = "radarPageFailures";
    static final String PAGE_ERRORS = "radarPageErrors";
    static final String ENTRY_HASHES = "radarEntryHashes";
    static final String UNCHANGED = "radarUnchanged";

    private final Map<String, SourceConfig> sources;
    private final Fetcher fetcher;
    private final FetchStateStore fetchState;
    private final FeedParser feedParser;
    private final HtmlSourceReader htmlReader;
    private final ItemFactory itemFactory;
    private final SpoolingIndexer indexer;
    private final SeenEntries seen;
    private final PollOutcomes outcomes;
    private final Clock clock;

    public SourcePoller(Map<String, SourceConfig> sources, Fetcher fetcher, FetchStateStore fetchState,
                        FeedParser feedParser, HtmlSourceReader htmlReader, ItemFactory itemFactory, SpoolingIndexer indexer,
                        SeenEntries seen, PollOutcomes outcomes, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.fetcher = fetcher;
        this.fetchState = fetchState;
        this.feedParser = feedParser;
        this.htmlReader = htmlReader;
        this.itemFactory = itemFactory;
        this.indexer = indexer;
        this.seen = seen;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    SourceConfig source(Exchange exchange) {
        String id = exchange.getMessage().getHeader(SOURCE_ID, String.class);
        SourceConfig source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("unknown source id '" + id + "'");
        }
        return source;
    }

    /** Fetches the source URL; the body becomes the {@link FetchResult}. */
    void fetch(Exchange exchange) throws FetchException {
        SourceConfig source = source(exchange);
        exchange.setProperty(STARTED, clock.instant());
        FetchResult result = source.kind() == SourceKind.HTML
                ? htmlReader.fetchListing(source, fetchState.get(source.id(), source.url()))
                : fetcher.fetch(source.id(), source.url(), fetchState.get(source.id(), source.url()));
        exchange.setProperty(FETCH, result);
        exchange.getMessage().setBody(result);
    }

    boolean notModified(Exchange exchange) {
        return exchange.getProperty(FETCH, FetchResult.class).notModified();
    }

    void recordNotModified(Exchange exchange) {
        SourceConfig source = source(exchange);
        LOG.info("event=poll source={} status=304 fetched=0 new=0", source.id());
        outcomes.record(PollOutcome.empty(source.id(), started(exchange), clock.instant(), 304, null));
    }

    /** Parses the fetched bytes; the body becomes the list of raw items. */
    void parse(Exchange exchange) throws FeedParseException {
        SourceConfig source = source(exchange);
        FetchResult fetched = exchange.getProperty(FETCH, FetchResult.class);
        if (source.kind() == SourceKind.HTML) {
            HtmlSourceReader.Read read = htmlReader.read(source, fetched);
            exchange.setProperty(FETCHED_COUNT, read.items().size() + read.failed());
            exchange.setProperty(PAGE_VALIDATORS, read.validators());
            exchange.setProperty(PAGE_FAILURES, read.failed());
            exchange.setProperty(PAGE_ERRORS, read.errors());
            exchange.getMessage().setBody(changedOrMissing(exchange, source, read.items()));
            return;
        }
        ParsedFeed feed = feedParser.parse(source.id(), fetched.body(), fetched.contentType(), source.charset().orElse(null),
                fetched.finalUri(), fetched.fetched());
        List<RawItem> raw = new ArrayList<>(feed.entries().size());
        for (FeedEntry e : feed.entries()) {
            boolean linked = e.link() != null;
            raw.add(new RawItem(linked ? e.link() : fetched.finalUri().toString(), e.title(), e.summary(), e.content(),
                    e.published(), e.publishedEstimated(), fetched.fetched(), e.lang(), linked ? null : e.dedupeKey()));
        }
        exchange.setProperty(FETCHED_COUNT, raw.size());
        LOG.debug("event=parsed source={} type={} encoding={} entries={} skipped={}", source.id(), feed.feedType(),
                feed.encoding(), raw.size(), feed.skipped());
        exchange.getMessage().setBody(changedOrMissing(exchange, source, raw));
    }

    /**
     * The entries to classify: all but those stored before with the same content under the same classifier and still
     * in the index. When Elasticsearch cannot say, all of them (re-indexing by id is harmless).
     */
    private List<RawItem> changedOrMissing(Exchange exchange, SourceConfig source, List<RawItem> raw) {
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> before = seen.get(source.id());
        List<String> sameAsStored = new ArrayList<>();
        List<String> ids = new ArrayList<>(raw.size());
        for (RawItem r : raw) {
            String id = ItemFactory.documentId(source, r);
            String hash = seen.hash(source, r);
            ids.add(id);
            hashes.put(id, hash);
            if (hash.equals(before.get(id))) {
                sameAsStored.add(id);
            }
        }
        exchange.setProperty(ENTRY_HASHES, hashes);
        Set<String> skip = Set.of();
        if (!sameAsStored.isEmpty()) {
            try {
                skip = indexer.existing(sameAsStored);
            } catch (IOException | RuntimeException e) {
                LOG.info("event=seen_check_skipped source={} entries={} reason=\"{}\"", source.id(), sameAsStored.size(),
                        String.valueOf(e.getMessage()).replace('"', '\''));
            }
        }
        List<RawItem> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            if (!skip.contains(ids.get(i))) {
                out.add(raw.get(i));
            }
        }
        exchange.setProperty(UNCHANGED, raw.size() - out.size());
        return out;
    }

    /** Classifies one raw item (runs in parallel, one entry per exchange). */
    void classify(Exchange exchange) {
        SourceConfig source = source(exchange);
        RawItem raw = exchange.getMessage().getBody(RawItem.class);
        try {
            exchange.getMessage().setBody(new ClassifiedEntry.Ok(itemFactory.build(source, raw)));
        } catch (RuntimeException e) {
            LOG.warn("event=classify_failed source={} url={} reason=\"{}\"", source.id(), raw.url(), e.toString());
            exchange.getMessage().setBody(new ClassifiedEntry.Failed(ItemFactory.documentId(source, raw), raw.url(), e.toString()));
        }
    }

    /** Indexes the classified items in one bulk request, then commits the fetch validators. */
    void index(Exchange exchange) throws IOException {
        SourceConfig source = source(exchange);
        @SuppressWarnings("unchecked")
        List<ClassifiedEntry> entries = exchange.getMessage().getBody(List.class);
        List<Item> items = new ArrayList<>();
        int failed = exchange.getProperty(PAGE_FAILURES, 0, Integer.class);
        @SuppressWarnings("unchecked")
        List<String> pageErrors = exchange.getProperty(PAGE_ERRORS, List.class);
        List<String> errors = new ArrayList<>(pageErrors == null ? List.of() : pageErrors);
        @SuppressWarnings("unchecked")
        Map<String, String> hashes = new LinkedHashMap<>(exchange.getProperty(ENTRY_HASHES, Map.of(), Map.class));
        for (ClassifiedEntry e : entries == null ? List.<ClassifiedEntry>of() : entries) {
            if (e instanceof ClassifiedEntry.Ok ok) {
                items.add(ok.item());
            } else if (e instanceof ClassifiedEntry.Failed f) {
                failed++;
                hashes.remove(f.id()); // not stored: classified again next time
                errors.add("source=" + source.id() + " url=" + f.url() + " reason=\"classification failed: " + f.reason() + "\"");
            }
        }
        // Once store() returns, every item is durable in the spool (indexed now or replayed later), so the validators
        // may move on; items that failed classification keep the old validators so the next poll fetches them again.
        SpoolingIndexer.Result stored = indexer.store(source.id(), items);
        failed += stored.failed();
        FetchResult fetched = exchange.getProperty(FETCH, FetchResult.class);
        @SuppressWarnings("unchecked")
        List<HtmlSourceReader.PageValidators> pages = exchange.getProperty(PAGE_VALIDATORS, List.class);
        if (pages != null) {
            pages.forEach(p -> fetchState.put(source.id(), p.uri(), p.validators()));
        }
        if (failed == 0) {
            fetchState.put(source.id(), source.url(), fetched.validators());
        }
        if (stored.failed() == 0) {
            seen.put(source.id(), hashes);
        }
        int count = exchange.getProperty(FETCHED_COUNT, 0, Integer.class);
        int unchanged = exchange.getProperty(UNCHANGED, 0, Integer.class);
        LOG.info("event=poll source={} status={} fetched={} new={} updated={} unchanged={} failed={} spooled={}", source.id(),
                fetched.status(), count, stored.created(), stored.updated(), unchanged, failed, stored.spooled());
        outcomes.record(new PollOutcome(source.id(), started(exchange), clock.instant(), fetched.status(), count,
                stored.created(), stored.updated(), unchanged, failed, stored.spooled(), null, errors));
    }

    /** The poll failed as a whole (fetch or parse error, Elasticsearch down): record why, the run goes on. */
    void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String id = exchange.getMessage().getHeader(SOURCE_ID, String.class);
        FetchResult fetched = exchange.getProperty(FETCH, FetchResult.class);
        int status = cause instanceof FetchException fe ? fe.status() : fetched == null ? 0 : fetched.status();
        String reason = cause == null ? "unknown" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        LOG.warn("event=poll_failed source={} status={} reason=\"{}\"", id, status, reason.replace('"', '\''));
        outcomes.record(new PollOutcome(id, started(exchange), clock.instant(), status,
                exchange.getProperty(FETCHED_COUNT, 0, Integer.class), 0, 0, 0, 0, 0, reason, List.of()));
    }

    private Instant started(Exchange exchange) {
        Instant s = exchange.getProperty(STARTED, Instant.class);
        return s == null ? clock.instant() : s;
    }
}
