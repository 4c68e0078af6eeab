package org.policyradar.route;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.policyradar.config.SourceConfig;
import org.policyradar.fetch.BotChallenge;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.item.Item;
import org.policyradar.item.ItemFactory;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.parse.FeedParseException;
import org.policyradar.spool.SpoolingIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one poll, called by the route in {@link SourceRoutes}: fetch and read (by the {@link SourceReader} of the
 * source's kind), classify (per entry, in parallel), index; the steps share a {@link PollState}. Validators of a conditional GET are committed only after the items are stored, so a crash
 * before that re-fetches instead of skipping.
 */
public final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    static final String SOURCE_ID = "radarSourceId";

    private final Map<String, SourceConfig> sources;
    private final SourceReaders readers;
    private final FetchStateStore fetchState;
    private final ItemFactory itemFactory;
    private final SpoolingIndexer indexer;
    private final SeenEntries seen;
    private final PollOutcomes outcomes;
    private final Clock clock;

    public SourcePoller(Map<String, SourceConfig> sources, SourceReaders readers, FetchStateStore fetchState,
                        ItemFactory itemFactory, SpoolingIndexer indexer, SeenEntries seen, PollOutcomes outcomes, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.readers = readers;
        this.fetchState = fetchState;
        this.itemFactory = itemFactory;
        this.indexer = indexer;
        this.seen = seen;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    private SourceConfig source(Exchange exchange) {
        String id = exchange.getMessage().getHeader(SOURCE_ID, String.class);
        SourceConfig source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("unknown source id '" + id + "'");
        }
        return source;
    }

    /**
     * Fetches the source URL with the reader of its kind; not while the spool refuses writes (disk full, read-only):
     * what would be fetched could not be kept, so the poll fails at once, saying why, and fetches it when there is room.
     */
    void fetch(Exchange exchange) throws FetchException, IOException {
        SourceConfig source = source(exchange);
        PollState state = PollState.start(exchange, source, clock.instant());
        indexer.checkAccepting();
        state.fetched(readers.of(source).fetch(source, fetchState.get(source.id(), source.url())));
    }

    boolean notModified(Exchange exchange) {
        return PollState.of(exchange).fetched().notModified();
    }

    void recordNotModified(Exchange exchange) {
        PollState state = PollState.of(exchange);
        LOG.info("event=poll source={} status=304 fetched=0 new=0", state.source().id());
        outcomes.record(PollOutcome.empty(state.source().id(), state.started(), clock.instant(), 304, null));
    }

    /**
     * Reads the fetched response; the body becomes the list of raw items to classify. A script challenge served with
     * 200 fails the poll as a challenge: it is never read as an empty listing ("nothing new").
     */
    void parse(Exchange exchange) throws FeedParseException, FetchException {
        PollState state = PollState.of(exchange);
        Optional<String> challenge = BotChallenge.inPage(state.fetched().body());
        if (challenge.isPresent()) {
            throw FetchException.challenge(state.source().id(), state.fetched().finalUri(), state.fetched().status(), challenge.get());
        }
        SourceRead read = readers.of(state.source()).read(state.source(), state.fetched());
        state.read(read);
        exchange.getMessage().setBody(changedOrMissing(state, read.items()));
    }

    /**
     * The entries to classify: all but those stored before with the same content under the same classifier and still
     * in the index. When Elasticsearch cannot say, all of them (re-indexing by id is harmless).
     */
    private List<RawItem> changedOrMissing(PollState state, List<RawItem> raw) {
        SourceConfig source = state.source();
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
        state.compared(hashes, raw.size() - out.size());
        return out;
    }

    /** Classifies one raw item (runs in parallel, one entry per exchange). */
    void classify(Exchange exchange) {
        SourceConfig source = PollState.of(exchange).source();
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
        PollState state = PollState.of(exchange);
        SourceConfig source = state.source();
        SourceRead read = state.read();
        @SuppressWarnings("unchecked")
        List<ClassifiedEntry> entries = exchange.getMessage().getBody(List.class);
        List<Item> items = new ArrayList<>();
        int failed = read.failed();
        List<String> errors = new ArrayList<>(read.errors());
        Map<String, String> hashes = state.entryHashes();
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
        FetchResult fetched = state.fetched();
        read.validators().forEach(p -> fetchState.put(source.id(), p.uri(), p.validators()));
        if (failed == 0) {
            fetchState.put(source.id(), source.url(), fetched.validators());
        }
        if (stored.failed() == 0) {
            seen.put(source.id(), hashes);
        }
        int count = read.fetched();
        LOG.info("event=poll source={} status={} fetched={} new={} updated={} unchanged={} failed={} spooled={}", source.id(),
                fetched.status(), count, stored.created(), stored.updated(), state.unchanged(), failed, stored.spooled());
        outcomes.record(new PollOutcome(source.id(), state.started(), clock.instant(), fetched.status(), count,
                stored.created(), stored.updated(), state.unchanged(), failed, stored.spooled(), null, errors,
                read.detectedListing()));
    }

    /** The poll failed as a whole (fetch or parse error, Elasticsearch down): record why, the run goes on. */
    void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String id = exchange.getMessage().getHeader(SOURCE_ID, String.class);
        PollState state = PollState.of(exchange);
        FetchResult fetched = state == null ? null : state.fetched();
        int status = cause instanceof FetchException fe ? fe.status() : fetched == null ? 0 : fetched.status();
        String reason = cause == null ? "unknown" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        LOG.warn("event=poll_failed source={} status={} reason=\"{}\"", id, status, reason.replace('"', '\''));
        outcomes.record(new PollOutcome(id, state == null ? clock.instant() : state.started(), clock.instant(), status,
                state == null ? 0 : state.read().fetched(), 0, 0, 0, 0, 0, reason, List.of()));
    }
}
