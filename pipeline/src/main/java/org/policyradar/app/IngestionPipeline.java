package org.policyradar.app;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.policyradar.change.ChangeTracker;
import org.policyradar.extract.PageContentCheck;
import org.policyradar.extract.PdfDocumentExtractor;
import org.policyradar.config.RadarConfig;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.DensityArticleExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.listing.ListingResolver;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.HostThrottle;
import org.policyradar.fetch.HttpFetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.fetch.RetryingFetcher;
import org.policyradar.fetch.RobotsCheckingFetcher;
import org.policyradar.fetch.RobotsPolicy;
import org.policyradar.health.SourceHealthStore;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.index.NearDuplicateMarker;
import org.policyradar.item.Glossary;
import org.policyradar.item.ItemFactory;
import org.policyradar.parse.FeedDecoder;
import org.policyradar.parse.RomeFeedParser;
import org.policyradar.route.FeedSourceReader;
import org.policyradar.route.HtmlSourceReader;
import org.policyradar.route.JsonSourceReader;
import org.policyradar.extract.JsonListingParser;
import org.policyradar.route.ListingFollower;
import org.policyradar.route.SourceReaders;
import org.policyradar.config.SourceKind;
import org.policyradar.fetch.FetchStateStore;
import java.util.Map;
import java.net.URI;
import org.policyradar.fetch.Validators;
import org.policyradar.route.Ingestion;
import org.policyradar.route.PollOutcomes;
import org.policyradar.route.SeenEntries;
import org.policyradar.spool.ItemSpool;
import org.policyradar.spool.SpoolingIndexer;

/**
 * The object graph {@code radar run} drives (fetch, read, classify, spool, index, health), built in one place so that
 * {@code radar bench}'s end-to-end replay and {@code radar sources check} run exactly the code path of
 * {@code radar run --once}.
 */
public record IngestionPipeline(Ingestion ingestion, ItemSpool spool, SpoolingIndexer indexer, PollOutcomes outcomes,
                         ElasticsearchConnection es) {
    /** The spool's directory under the data directory. */
    public static final String SPOOL_DIR = "spool";

    /** Fetch state that neither reads nor keeps validators: {@code sources check} stores nothing. */
    static final FetchStateStore NOTHING_STORED = new FetchStateStore() {
        @Override
        public Validators get(String sourceId, URI uri) {
            return Validators.NONE;
        }

        @Override
        public void put(String sourceId, URI uri, Validators validators) {
        }
    };

    public static IngestionPipeline build(Radar radar, Duration waitEs, ChangeTracker changes) {
        RadarConfig cfg = radar.config();
        var classifier = radar.classifier();
        var es = radar.elasticsearchUnchecked();
        // Before the first poll, so that the health of a source failing in the very first round is recorded. When
        // Elasticsearch is down this fails and ingestion goes on spooling; the indexer creates them once it is back,
        // and the first outcome recorded after that tries again.
        AtomicBoolean healthIndexReady = new AtomicBoolean(ensureIndices(radar, es));
        PollOutcomes outcomes = new PollOutcomes();
        SourceHealthStore health = new SourceHealthStore(es.client(),
                cfg.sources().stream().collect(Collectors.toMap(SourceConfig::id, s -> s)), radar.clock());
        outcomes.addListener(o -> {
            if (!healthIndexReady.get()) {
                healthIndexReady.set(ensureIndices(radar, es));
            }
            health.record(o); // logs when it cannot record; the run goes on
        });
        ItemSpool spool = new ItemSpool(radar.dataDir().resolve(SPOOL_DIR), ElasticsearchConnection.objectMapper(),
                radar.clock());
        Fetcher fetcher = radar.fetcher();
        FetchStateStore fetchState = radar.coordination().fetchState();
        SpoolingIndexer indexer = spoolingIndexer(radar, spool, es);
        Ingestion ingestion = new Ingestion(cfg, readers(radar, fetcher, fetchState, changes), fetchState,
                new ItemFactory(classifier, Glossary.of(radar.taxonomy())), indexer,
                new SeenEntries(radar.coordination().seenEntries(), classifier.version()),
                waitEs, outcomes, radar.clock());
        return new IngestionPipeline(ingestion, spool, indexer, outcomes, es);
    }

    /** What writes to {@code radar-items} through the spool, with near-duplicate marking: runs and {@code spool retry}. */
    static SpoolingIndexer spoolingIndexer(Radar radar, ItemSpool spool, ElasticsearchConnection es) {
        return new SpoolingIndexer(spool, new ItemIndexer(es.client(), IndexSetup.ITEMS.alias()), radar::ensureIndices,
                new NearDuplicateMarker(es.client(), IndexSetup.ITEMS.alias(), 0.5)::mark);
    }

    /** The pipeline's fetcher: HTTP with the configured per-host politeness, retrying transient failures. */
    static Fetcher fetcher(Radar radar) {
        RadarConfig cfg = radar.config();
        return new RetryingFetcher(new HttpFetcher(HttpFetcher.Limits.defaults(), radar.clock(),
                new HostThrottle(cfg.politeness().hostDelay(), cfg.politeness().hostConcurrency())), RetryingFetcher.RetryPolicy.defaults());
    }

    /** The main-text extractor of followed pages and of {@code radar extract}: the one place to swap it. */
    static ArticleExtractor articleExtractor() {
        return new DensityArticleExtractor();
    }

    /** Pages (not feeds) are fetched only where robots.txt lets us. */
    static Fetcher underRobotsTxt(Fetcher fetcher, java.time.Clock clock) {
        return new RobotsCheckingFetcher(fetcher, new RobotsPolicy(fetcher, clock));
    }

    /** The reader of each source kind; html and json pages are fetched under robots.txt, feeds are not. */
    static SourceReaders readers(Radar radar, Fetcher fetcher, FetchStateStore fetchState, ChangeTracker changes) {
        Fetcher robotsChecked = underRobotsTxt(fetcher, radar.clock());
        HtmlDecoder decoder = new HtmlDecoder();
        PageContentCheck contentCheck = new PageContentCheck();
        ListingFollower follower = new ListingFollower(robotsChecked, fetchState, LinkPolicy.system(), decoder,
                articleExtractor(), contentCheck, changes,
                new PdfDocumentExtractor(PdfDocumentExtractor.Limits.defaults(), radar.clock()));
        return new SourceReaders(Map.of(
                SourceKind.FEED, new FeedSourceReader(fetcher, new RomeFeedParser(new FeedDecoder())),
                SourceKind.HTML, new HtmlSourceReader(robotsChecked, decoder, ListingResolver.standard(), contentCheck, follower),
                SourceKind.JSON, new JsonSourceReader(robotsChecked, new JsonListingParser(), follower)));
    }

    private static boolean ensureIndices(Radar radar, ElasticsearchConnection es) {
        try {
            radar.ensureIndices();
            return true;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(IngestionPipeline.class).warn("event=es_unavailable url={} reason=\"{}\"",
                    es.url(), String.valueOf(e.getMessage()).replace('"', '\''));
            return false;
        }
    }
}
