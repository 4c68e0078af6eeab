package org.policyradar.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policyradar.config.ListingSelectors;
import org.policyradar.config.SourceConfig;
import org.policyradar.index.IndexSetup;
import org.policyradar.item.SourceRef;
import org.policyradar.listing.DetectedListing;
import org.policyradar.route.PollOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code radar-sources} up to date: after every poll the source's document is read, updated with the outcome
 * and written back (read-modify-write in code: this Elasticsearch has no scripting, and one process polls a source
 * at a time).
 */
public final class SourceHealthStore {
    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthStore.class);
    public static final IndexSetup.IndexDefinition INDEX =
            new IndexSetup.IndexDefinition("radar-sources", "/elasticsearch/radar-sources-template.json");

    private final ElasticsearchClient client;
    private final Map<String, SourceConfig> sources;
    private final Clock clock;

    public SourceHealthStore(ElasticsearchClient client, Map<String, SourceConfig> sources, Clock clock) {
        this.client = client;
        this.sources = Map.copyOf(sources);
        this.clock = clock;
    }

    /** Records one poll; a failure to record is logged, never allowed to stop ingestion. */
    public void record(PollOutcome o) {
        SourceConfig config = sources.get(o.sourceId());
        if (config == null) {
            return;
        }
        try {
            GetResponse<SourceHealth> existing = client.get(g -> g.index(INDEX.alias()).id(o.sourceId()), SourceHealth.class);
            SourceHealth previous = existing.found() ? existing.source() : null;
            SourceHealth next = update(previous, config, o);
            // No refresh=wait_for: it held every poll's thread up to a refresh interval (a 10,000-entry re-poll took
            // 25 s instead of 2 s). The next read is a realtime get; all() refreshes before it searches.
            client.index(i -> i.index(INDEX.alias()).id(o.sourceId()).document(next));
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=source_health_not_recorded source={} reason=\"{}\"", o.sourceId(), e.toString());
        }
    }

    SourceHealth update(SourceHealth previous, SourceConfig config, PollOutcome o) {
        Instant now = o.finished();
        Instant firstAttempt = previous == null ? o.started() : previous.firstAttempt();
        long polls = (previous == null ? 0 : previous.polls()) + 1;
        long failures = (previous == null ? 0 : previous.failures()) + (o.ok() ? 0 : 1);
        long itemsTotal = (previous == null ? 0 : previous.itemsTotal()) + o.created();
        long itemsFailedTotal = (previous == null ? 0 : previous.itemsFailedTotal()) + o.failed();
        Instant lastNew = o.created() > 0 ? now : previous == null ? null : previous.lastNewItemAt();
        double days = Math.max(1.0, Duration.between(firstAttempt, now).toSeconds() / 86_400.0);
        double avgPerDay = itemsTotal / days;
        long scheduleSeconds = config.schedule().interval().map(Duration::toSeconds).orElse(3600L);
        boolean stale = o.ok() && isStaleAfter(now, lastNew, firstAttempt, avgPerDay, scheduleSeconds);
        // A 304 says the page is as it was: whatever the detector found on it last time still holds.
        boolean carried = o.status() == 304 && o.detectedListing() == null && previous != null;
        DetectedListing detected = o.detectedListing();
        boolean selectorsStale = carried ? previous.selectorsStale() : detected != null && detected.selectorsStale();
        ListingSelectors suggested = carried ? previous.listingDetected() : detected == null ? null : detected.suggested();
        String note = carried ? previous.listingNote() : detected == null ? null : detected.describe();
        String state = SourceHealth.state(!o.ok(), o.ok() && selectorsStale, stale);
        return new SourceHealth(new SourceRef(config.id(), config.name(), config.region().name()), config.kind().id(),
                config.url().toString(), config.schedule().text(), scheduleSeconds, firstAttempt, o.started(),
                o.ok() ? now : previous == null ? null : previous.lastSuccess(), o.status(),
                o.ok() ? (previous == null ? null : previous.lastError()) : o.error(),
                o.ok() ? (previous == null ? null : previous.lastErrorAt()) : now,
                o.ok() ? 0 : (previous == null ? 0 : previous.consecutiveFailures()) + 1,
                polls, failures, o.fetched(), o.created(), o.failed(), o.itemErrors().isEmpty() ? null : o.itemErrors(), itemsTotal, itemsFailedTotal, lastNew,
                Math.round(avgPerDay * 100) / 100.0, stale, state, selectorsStale, suggested, note);
    }

    private static boolean isStaleAfter(Instant now, Instant lastNew, Instant first, double avg, long scheduleSeconds) {
        return SourceHealth.isStale(now, lastNew, first, avg, scheduleSeconds);
    }

    /** Every source's health, by id; staleness re-evaluated now (a source stops polling, time goes on). */
    public List<SourceHealth> all() throws IOException {
        client.indices().refresh(r -> r.index(INDEX.alias()));
        var response = client.search(s -> s.index(INDEX.alias()).size(10_000).sort(so -> so.field(f -> f.field("source.id"))),
                SourceHealth.class);
        Instant now = clock.instant();
        List<SourceHealth> out = new ArrayList<>();
        for (Hit<SourceHealth> h : response.hits().hits()) {
            SourceHealth s = h.source();
            boolean failing = s.consecutiveFailures() > 0;
            boolean stale = !failing && SourceHealth.isStale(now, s.lastNewItemAt(), s.firstAttempt(), s.avgItemsPerDay(),
                    s.scheduleSeconds());
            out.add(new SourceHealth(s.source(), s.kind(), s.url(), s.schedule(), s.scheduleSeconds(), s.firstAttempt(),
                    s.lastAttempt(), s.lastSuccess(), s.lastStatus(), s.lastError(), s.lastErrorAt(),
                    s.consecutiveFailures(), s.polls(), s.failures(), s.itemsFetchedLast(), s.itemsNewLast(),
                    s.itemsFailedLast(), s.itemErrorsLast(), s.itemsTotal(), s.itemsFailedTotal(), s.lastNewItemAt(), s.avgItemsPerDay(),
                    stale, SourceHealth.state(failing, s.selectorsStale(), stale), s.selectorsStale(), s.listingDetected(),
                    s.listingNote()));
        }
        return out;
    }
}
