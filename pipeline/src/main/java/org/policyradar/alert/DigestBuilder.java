package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest: once per configured period, one alert summarising the period's new items per topic, its top items
 * (highest topic score, then newest) and the spikes and plan adjustments raised in it. Keyed by the period's end,
 * so it is raised once and, through per-channel delivery, sent once to each recipient. Only the latest completed
 * period is considered: after a long outage the missed periods are not sent one by one.
 */
final class DigestBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(DigestBuilder.class);
    /** Items ranked for the top list; beyond this the newest are ranked. */
    static final int RANKED = 500;
    static final int LISTED_ALERTS = 10;

    private final ElasticsearchClient client;
    private final String itemsAlias;
    private final AlertStore store;
    private final AlertFactory factory;

    DigestBuilder(ElasticsearchClient client, String itemsAlias, AlertStore store, AlertFactory factory) {
        this.client = client;
        this.itemsAlias = itemsAlias;
        this.store = store;
        this.factory = factory;
    }

    static String key(AlertsConfig.Period p) {
        return "digest:" + p.end();
    }

    Optional<Alert> evaluate(AlertsConfig.Digest digest, Instant now) {
        AlertsConfig.Period period = digest.lastCompleted(now);
        String key = key(period);
        if (!store.existing(List.of(key)).isEmpty()) {
            return Optional.empty();
        }
        Query inPeriod = Query.of(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.untyped(d -> d.field("fetched").gte(JsonData.of(period.start().toString()))
                        .lt(JsonData.of(period.end().toString())))))
                .mustNot(n -> n.exists(e -> e.field("duplicate_of")))));
        StringBuilder summary = new StringBuilder();
        long total;
        List<Item> top;
        try {
            SearchResponse<Item> r = client.search(s -> s.index(itemsAlias).size(RANKED).query(inPeriod)
                    .source(src -> src.filter(f -> f.excludes("text", "evidence_detail", "title_tokens", "body_tokens")))
                    .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc)))
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("topics", a -> a.terms(t -> t.field("topics").size(100))), Item.class);
            total = r.hits().total() == null ? r.hits().hits().size() : r.hits().total().value();
            summary.append(total).append(" new item").append(total == 1 ? "" : "s").append(" (syndicated copies counted once)\n");
            List<StringTermsBucket> topics = r.aggregations().get("topics").sterms().buckets().array();
            if (!topics.isEmpty()) {
                summary.append("By topic: ");
                for (int i = 0; i < topics.size(); i++) {
                    summary.append(i == 0 ? "" : ", ").append(topics.get(i).key().stringValue()).append(' ').append(topics.get(i).docCount());
                }
                summary.append('\n');
            }
            top = r.hits().hits().stream().map(Hit::source)
                    .filter(i -> i != null && i.topics() != null && !i.topics().isEmpty())
                    .sorted(Comparator.comparingDouble(DigestBuilder::maxScore).reversed())
                    .limit(digest.topItems()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("digest: search failed", e);
        }
        section(summary, "Spikes", store.between(period.start(), period.end(), AlertType.SPIKE, LISTED_ALERTS + 1));
        section(summary, "Plan adjustments", store.between(period.start(), period.end(), AlertType.CHANGE, LISTED_ALERTS + 1));
        Alert a = factory.digest(key, now, period, summary.toString(), top, (int) total, digest.recipients(), trend(period));
        if (!store.raise(a)) {
            return Optional.empty();
        }
        LOG.info("event=alert_raised type=digest period_start={} period_end={} items={}", period.start(), period.end(), total);
        return Optional.of(a);
    }

    /**
     * Items per topic per day over the {@link #TREND_DAYS} days up to the period's end, for the {@link #TREND_TOPICS}
     * topics with most items in them: the digest's chart. Empty days are zeros, so every line spans the whole range.
     */
    List<Alert.TrendPoint> trend(AlertsConfig.Period period) {
        Instant end = period.end();
        Instant start = end.minus(java.time.Duration.ofDays(TREND_DAYS)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        try {
            Aggregation days = Aggregation.of(a -> a.dateHistogram(h -> h.field("fetched").calendarInterval(CalendarInterval.Day)
                    .minDocCount(0)
                    .extendedBounds(x -> x.min(FieldDateMath.of(m -> m.expr(start.toString())))
                            .max(FieldDateMath.of(m -> m.expr(end.minusMillis(1).toString()))))));
            SearchResponse<Void> r = client.search(s -> s.index(itemsAlias).size(0)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.range(g -> g.untyped(d -> d.field("fetched").gte(JsonData.of(start.toString()))
                                    .lt(JsonData.of(end.toString())))))
                            .mustNot(n -> n.exists(e -> e.field("duplicate_of")))))
                    .aggregations("topics", a -> a.terms(t -> t.field("topics").size(TREND_TOPICS)).aggregations("days", days)),
                    Void.class);
            List<Alert.TrendPoint> points = new java.util.ArrayList<>();
            for (StringTermsBucket topic : r.aggregations().get("topics").sterms().buckets().array()) {
                for (var day : topic.aggregations().get("days").dateHistogram().buckets().array()) {
                    points.add(new Alert.TrendPoint(topic.key().stringValue(), Instant.ofEpochMilli(day.key()), day.docCount()));
                }
            }
            return points;
        } catch (IOException | RuntimeException e) {
            // the digest goes out without its chart rather than not at all
            LOG.warn("event=digest_trend_failed period_end={} reason=\"{}\"", end, String.valueOf(e.getMessage()).replace('"', '\''));
            return List.of();
        }
    }

    static final int TREND_DAYS = 14;
    static final int TREND_TOPICS = 6;

    private static void section(StringBuilder summary, String name, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            summary.append(name).append(": none\n");
            return;
        }
        summary.append(name).append(alerts.size() > LISTED_ALERTS ? " (more than " + LISTED_ALERTS + ")" : " (" + alerts.size() + ")")
                .append(":\n");
        for (Alert a : alerts.subList(0, Math.min(LISTED_ALERTS, alerts.size()))) {
            summary.append("  • ").append(a.title());
            if (a.type() == AlertType.CHANGE && a.summary() != null) {
                summary.append(" — ").append(a.summary().lines().findFirst().orElse(""));
            }
            if (a.url() != null) {
                summary.append(' ').append(a.url());
            }
            summary.append('\n');
        }
    }

    private static double maxScore(Item i) {
        return i.scores() == null ? 0 : i.scores().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
