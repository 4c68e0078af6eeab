package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.policyradar.item.Item;
import org.policyradar.item.Sha256;
import org.policyradar.search.QueryExpander;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved searches: each evaluation looks for items matching a watch that were fetched after the watch's high-water
 * mark (with a small overlap for items that became searchable late) and raises at most one alert per watch listing
 * them. Items already listed in an earlier alert of the watch are never listed again.
 */
public final class WatchEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(WatchEvaluator.class);
    /** Items fetched shortly before the mark may become searchable only after the last evaluation. */
    static final Duration OVERLAP = Duration.ofMinutes(15);
    /** What a watch looks back on at its first evaluation. */
    static final Duration FIRST_LOOKBACK = Duration.ofHours(24);
    static final int MAX_ITEMS = 100;

    private final ElasticsearchClient client;
    private final String itemsAlias;
    private final AlertStore store;
    private final WatchState state;
    private final AlertFactory factory;
    private final QueryExpander expander;

    public WatchEvaluator(ElasticsearchClient client, String itemsAlias, AlertStore store, WatchState state, AlertFactory factory,
                          QueryExpander expander) {
        this.expander = expander;
        this.client = client;
        this.itemsAlias = itemsAlias;
        this.store = store;
        this.state = state;
        this.factory = factory;
    }

    /** @return the alerts raised now */
    public List<Alert> evaluate(List<AlertsConfig.Watch> watches, Instant now) {
        List<Alert> raised = new ArrayList<>();
        for (AlertsConfig.Watch w : watches) {
            evaluate(w, now).ifPresent(raised::add);
        }
        return raised;
    }

    Optional<Alert> evaluate(AlertsConfig.Watch watch, Instant now) {
        Instant mark = state.highWater(watch.id()).orElse(now.minus(FIRST_LOOKBACK));
        Instant from = mark.minus(OVERLAP);
        Set<String> seen = new HashSet<>(store.itemsAlerted(watch.id(), from.minus(Duration.ofDays(2))));
        SearchResponse<Item> r;
        try {
            r = client.search(s -> s.index(itemsAlias).size(MAX_ITEMS)
                    .query(q -> q.bool(b -> {
                        filters(b, watch, from, now);
                        if (!seen.isEmpty()) {
                            b.mustNot(n -> n.ids(i -> i.values(List.copyOf(seen))));
                        }
                        return b;
                    }))
                    .sort(o -> o.field(f -> f.field("fetched").order(SortOrder.Asc)))
                    .trackTotalHits(t -> t.enabled(true)), Item.class);
        } catch (IOException e) {
            throw new UncheckedIOException("watch " + watch.id() + ": search failed", e);
        }
        List<Item> fresh = new ArrayList<>();
        for (Hit<Item> h : r.hits().hits()) {
            if (h.source() != null && !seen.contains(h.id())) {
                fresh.add(h.source());
            }
        }
        long total = r.hits().total() == null ? fresh.size() : Math.max(fresh.size(), r.hits().total().value());
        Optional<Alert> alert = Optional.empty();
        if (!fresh.isEmpty()) {
            List<String> ids = fresh.stream().map(Item::id).sorted().toList();
            String key = "watch:" + watch.id() + ":" + digest(ids);
            Alert a = factory.watch(watch, key, now, fresh, (int) total, from, now);
            if (store.raise(a)) {
                LOG.info("event=alert_raised type=watch watch={} items={}", watch.id(), fresh.size());
                alert = Optional.of(a);
            }
        }
        state.setHighWater(watch.id(), now);
        return alert;
    }

    private BoolQuery.Builder filters(BoolQuery.Builder b, AlertsConfig.Watch watch, Instant from, Instant to) {
        String query = expander.expand(watch.query()).query();
        b.must(m -> m.queryString(qs -> qs.query(query).lenient(true)));
        b.filter(f -> f.range(r -> r.untyped(d -> d.field("fetched").gt(JsonData.of(from.toString())).lte(JsonData.of(to.toString())))));
        if (!watch.topics().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("topics").terms(v -> v.value(values(watch.topics())))));
        }
        if (!watch.regions().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("source.region").terms(v -> v.value(values(watch.regions())))));
        }
        if (!watch.sources().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("source.id").terms(v -> v.value(values(watch.sources())))));
        }
        return b;
    }

    private static List<FieldValue> values(List<String> s) {
        return s.stream().map(FieldValue::of).toList();
    }

    static String digest(List<String> parts) {
        return Sha256.hex(parts, 10);
    }
}
