package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic spikes. For each topic with enough items from enough sources in the recent window ({@code [now-window, now)}
 * by {@code published}), the window's count is compared with the counts of the same window shifted back by 1..N days
 * (a date_range aggregation: daily buckets aligned on {@code now}, so today's partial day is never compared with
 * full days). Score = robust z = (observed - median) / max(1.4826·MAD, √max(median,1)); the √ floor is the Poisson
 * noise of small counts, so a flat or sparse series does not make every bump a spike.
 */
public final class SpikeDetector {
    private static final Logger LOG = LoggerFactory.getLogger(SpikeDetector.class);
    /**
     * Near-duplicates count once: an item marked {@code duplicate_of} an earlier one (the same story republished by
     * other outlets) is left out of counts, baselines and top items, so one syndicated story is not a spike.
     */
    static final co.elastic.clients.elasticsearch._types.query_dsl.Query IS_NEAR_DUPLICATE =
            co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.exists(e -> e.field("duplicate_of")));
    private static final int TOP_ITEMS = 10;

    /** One topic's window measured against its baseline. */
    public record Measure(String topic, Instant windowStart, Instant windowEnd, double observed, long sources,
                          double expected, double score, int baselineDays) {
    }

    /**
     * What a spike is about: a topic, a topic within one region ({@code CN}, {@code EU}), an actor (an entity such
     * as Huawei) across topics, or a signal (self-reliance, funding …) within a topic. Each has its own baseline,
     * cooldown and dedup key.
     */
    public record Subject(String topic, String region, String actor, String signal) {
        public Subject(String topic, String region, String actor) {
            this(topic, region, actor, null);
        }

        static Subject topic(String topic) {
            return new Subject(topic, null, null);
        }

        static Subject signal(String signal, String topic) {
            return new Subject(topic, null, null, signal);
        }

        /** Stable key for dedup and cooldown, e.g. {@code 5g}, {@code 5g/CN}, {@code actor:Huawei}, {@code funding/semiconductors}. */
        public String key() {
            return signal != null ? signal + "/" + topic : actor != null ? "actor:" + actor : region != null ? topic + "/" + region : topic;
        }

        /** How the alert names it. */
        public String label() {
            return signal != null ? "signal '" + signal + "' in topic '" + topic + "'"
                    : actor != null ? "actor '" + actor + "'" : region != null ? "topic '" + topic + "' in " + region : "topic '" + topic + "'";
        }

        /** The same subject as a Lucene query for the alert's Kibana Discover link. */
        public String query() {
            return actor != null ? "entities:\"" + actor + "\""
                    : "topics:\"" + topic + "\"" + (region != null ? " AND source.region:\"" + region + "\"" : "")
                    + (signal != null ? " AND signals:\"" + signal + "\"" : "");
        }

        BoolQuery.Builder filter(BoolQuery.Builder b) {
            if (actor != null) {
                return b.filter(f -> f.term(t -> t.field("entities").value(actor)));
            }
            b.filter(f -> f.term(t -> t.field("topics").value(topic)));
            if (signal != null) {
                b.filter(f -> f.term(t -> t.field("signals").value(signal)));
            }
            return region == null ? b : b.filter(f -> f.term(t -> t.field("source.region").value(region)));
        }
    }

    private final ElasticsearchClient client;
    private final String itemsAlias;
    private final AlertStore store;
    private final AlertFactory factory;

    public SpikeDetector(ElasticsearchClient client, String itemsAlias, AlertStore store, AlertFactory factory) {
        this.client = client;
        this.itemsAlias = itemsAlias;
        this.store = store;
        this.factory = factory;
    }

    public List<Alert> evaluate(AlertsConfig config, Instant now) {
        List<Alert> raised = new ArrayList<>();
        Duration widest = config.spike().window();
        for (AlertsConfig.Spike s : config.spikeOverrides().values()) {
            widest = s.window().compareTo(widest) > 0 ? s.window() : widest;
        }
        Map<String, Double> topicObserved = new HashMap<>();
        for (Subject subject : candidates(now.minus(widest), now, config)) {
            AlertsConfig.Spike settings = subject.topic() != null ? config.spikeFor(subject.topic()) : config.spike();
            Measure m = measure(subject, settings, now);
            if (subject.region() == null && subject.actor() == null) {
                topicObserved.put(subject.topic(), m.observed());
            } else if (subject.region() != null && m.observed() >= topicObserved.getOrDefault(subject.topic(), Double.MAX_VALUE)) {
                continue; // every item of the topic's window is from this region: the topic's own alert says it all
            }
            if (!isSpike(m, settings)) {
                continue;
            }
            if (store.spikeRaisedSince(subject.key(), now.minus(settings.cooldown()))) {
                LOG.debug("event=spike_cooldown subject={}", subject.key());
                continue;
            }
            String key = "spike:" + subject.key() + ":" + now.atOffset(ZoneOffset.UTC).toLocalDate();
            Alert a = factory.spike(subject, key, now, m, topItems(subject, m.windowStart(), now));
            if (store.raise(a)) {
                LOG.info("event=alert_raised type=spike subject=\"{}\" observed={} expected={} score={}", subject.key(),
                        m.observed(), m.expected(), m.score());
                raised.add(a);
            }
        }
        return raised;
    }

    /**
     * Topics, topics per region and actors with at least the smallest configured min_count and min_sources in the
     * widest window (near-duplicates left out).
     */
    private List<Subject> candidates(Instant from, Instant to, AlertsConfig config) {
        int minCount = config.spike().minCount();
        int minSources = config.spike().minSources();
        for (AlertsConfig.Spike s : config.spikeOverrides().values()) {
            minCount = Math.min(minCount, s.minCount());
            minSources = Math.min(minSources, s.minSources());
        }
        int mc = minCount;
        long ms = minSources;
        try {
            SearchResponse<Void> r = client.search(s -> s.index(itemsAlias).size(0)
                    .query(q -> q.bool(b -> b.mustNot(IS_NEAR_DUPLICATE)
                            .filter(f -> f.range(x -> x.untyped(d -> d.field("published").gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))))))
                    .aggregations("topics", a -> a.terms(t -> t.field("topics").size(2000).minDocCount(mc))
                            .aggregations("sources", c -> c.cardinality(x -> x.field("source.id")))
                            .aggregations("regions", c -> c.terms(t -> t.field("source.region").size(20).minDocCount(mc))
                                    .aggregations("sources", d -> d.cardinality(x -> x.field("source.id")))))
                    .aggregations("actors", a -> a.terms(t -> t.field("entities").size(2000).minDocCount(mc))
                            .aggregations("sources", c -> c.cardinality(x -> x.field("source.id")))), Void.class);
            List<Subject> out = new ArrayList<>();
            for (StringTermsBucket b : r.aggregations().get("topics").sterms().buckets().array()) {
                if (b.aggregations().get("sources").cardinality().value() >= ms) {
                    String topic = b.key().stringValue();
                    out.add(Subject.topic(topic));
                    for (StringTermsBucket region : b.aggregations().get("regions").sterms().buckets().array()) {
                        if (region.aggregations().get("sources").cardinality().value() >= ms) {
                            out.add(new Subject(topic, region.key().stringValue(), null));
                        }
                    }
                }
            }
            for (StringTermsBucket b : r.aggregations().get("actors").sterms().buckets().array()) {
                if (b.aggregations().get("sources").cardinality().value() >= ms) {
                    out.add(new Subject(null, null, b.key().stringValue()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("spike candidates: search failed", e);
        }
    }

    Measure measure(Subject subject, AlertsConfig.Spike s, Instant now) {
        Duration window = s.window();
        int days = s.baselineDays();
        List<DateRangeExpression> ranges = new ArrayList<>();
        for (int k = 0; k <= days; k++) {
            Instant end = now.minus(Duration.ofDays(k));
            Instant start = end.minus(window);
            String key = "d" + k;
            ranges.add(DateRangeExpression.of(r -> r.key(key).from(FieldDateMath.of(f -> f.expr(start.toString())))
                    .to(FieldDateMath.of(f -> f.expr(end.toString())))));
        }
        Instant earliest = now.minus(Duration.ofDays(days)).minus(window);
        try {
            SearchResponse<Void> r = client.search(x -> x.index(itemsAlias).size(0)
                    .query(q -> q.bool(b -> subject.filter(b.mustNot(IS_NEAR_DUPLICATE))
                            .filter(f -> f.range(g -> g.untyped(d -> d.field("published").gte(JsonData.of(earliest.toString()))
                                    .lt(JsonData.of(now.toString())))))))
                    .aggregations("windows", Aggregation.of(a -> a.dateRange(d -> d.field("published").ranges(ranges))
                            .aggregations("sources", c -> c.cardinality(y -> y.field("source.id"))))), Void.class);
            Map<String, RangeBucket> byKey = new HashMap<>();
            for (RangeBucket b : r.aggregations().get("windows").dateRange().buckets().array()) {
                byKey.put(b.key(), b);
            }
            double observed = byKey.get("d0").docCount();
            long sources = byKey.get("d0").aggregations().get("sources").cardinality().value();
            double[] baseline = new double[days];
            for (int k = 1; k <= days; k++) {
                baseline[k - 1] = Optional.ofNullable(byKey.get("d" + k)).map(RangeBucket::docCount).orElse(0L);
            }
            double median = median(baseline);
            double[] dev = Arrays.stream(baseline).map(v -> Math.abs(v - median)).toArray();
            double sigma = Math.max(1.4826 * median(dev), Math.sqrt(Math.max(median, 1.0)));
            double score = (observed - median) / sigma;
            return new Measure(subject.key(), now.minus(window), now, observed, sources, median, score, days);
        } catch (IOException e) {
            throw new UncheckedIOException("spike " + subject.key() + ": search failed", e);
        }
    }

    List<Item> topItems(Subject subject, Instant from, Instant to) {
        try {
            SearchResponse<Item> r = client.search(x -> x.index(itemsAlias).size(TOP_ITEMS)
                    .query(q -> q.bool(b -> subject.filter(b.mustNot(IS_NEAR_DUPLICATE))
                            .filter(f -> f.range(g -> g.untyped(d -> d.field("published").gte(JsonData.of(from.toString()))
                                    .lt(JsonData.of(to.toString())))))))
                    .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc))), Item.class);
            return r.hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enough items from enough sources, and far enough above the baseline. */
    static boolean isSpike(Measure m, AlertsConfig.Spike s) {
        return m.observed() >= s.minCount() && m.sources() >= s.minSources() && m.score() >= s.threshold();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
