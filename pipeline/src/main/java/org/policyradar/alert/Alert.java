package org.policyradar.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.policyradar.item.SourceRef;

/**
 * One alert as stored in {@code radar-alerts} (mapping: {@code elasticsearch/radar-alerts-template.json}). The
 * document id is {@link #id()}, which is the {@link #dedupKey()}: raising the same alert twice stores it once.
 *
 * @param url     the changed page ({@code change} alerts)
 * @param source  the changed page's source ({@code change} alerts)
 * @param diff    the changed passages, {@code [-removed-]{+added+}} with context ({@code change} alerts)
 * @param version the page version that raised the alert ({@code change} alerts); {@code window_start} is then the
 *                previous version's fetch time and {@code window_end} this version's
 * @param signals the taxonomy signals whose figures moved ({@code change} alerts: a target raised, a funding line cut)
 * @param trend   items per topic per day up to the period's end ({@code digest}: drawn as the mail's chart)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String id,
                    AlertType type,
                    Instant created,
                    @JsonProperty("dedup_key") String dedupKey,
                    String topic,
                    String watch,
                    String region,
                    String title,
                    String summary,
                    @JsonProperty("window_start") Instant windowStart,
                    @JsonProperty("window_end") Instant windowEnd,
                    Double observed,
                    Double expected,
                    Double score,
                    @JsonProperty("items_count") Integer itemsCount,
                    List<AlertItem> items,
                    @JsonProperty("kibana_url") String kibanaUrl,
                    List<Delivery> deliveries,
                    Boolean delivered,
                    String url,
                    SourceRef source,
                    String diff,
                    Integer version,
                    List<String> signals,
                    List<TrendPoint> trend) {

    /** The wire names of the stored alert types ({@code radar alerts --type}). */
    public static final List<String> TYPES = AlertType.STORED;

    /** A new alert, each field named; what is not set stays null (and is left out of the stored document). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this alert's fields, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        b.created = created;
        b.dedupKey = dedupKey;
        b.topic = topic;
        b.watch = watch;
        b.region = region;
        b.title = title;
        b.summary = summary;
        b.windowStart = windowStart;
        b.windowEnd = windowEnd;
        b.observed = observed;
        b.expected = expected;
        b.score = score;
        b.itemsCount = itemsCount;
        b.items = items;
        b.kibanaUrl = kibanaUrl;
        b.deliveries = deliveries;
        b.delivered = delivered;
        b.url = url;
        b.source = source;
        b.diff = diff;
        b.version = version;
        b.signals = signals;
        b.trend = trend;
        return b;
    }

    /** Names every field an alert sets: the record's 25 positions are never written out at a call site. */
    public static final class Builder {
        private String id, dedupKey, topic, watch, region, title, summary, kibanaUrl, url, diff;
        private AlertType type;
        private Instant created, windowStart, windowEnd;
        private Double observed, expected, score;
        private Integer itemsCount, version;
        private List<AlertItem> items;
        private List<Delivery> deliveries;
        private Boolean delivered;
        private SourceRef source;
        private List<String> signals;
        private List<TrendPoint> trend;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder type(AlertType type) { this.type = type; return this; }
        public Builder created(Instant created) { this.created = created; return this; }
        public Builder dedupKey(String dedupKey) { this.dedupKey = dedupKey; return this; }
        public Builder topic(String topic) { this.topic = topic; return this; }
        public Builder watch(String watch) { this.watch = watch; return this; }
        public Builder region(String region) { this.region = region; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder windowStart(Instant windowStart) { this.windowStart = windowStart; return this; }
        public Builder windowEnd(Instant windowEnd) { this.windowEnd = windowEnd; return this; }
        public Builder observed(Double observed) { this.observed = observed; return this; }
        public Builder expected(Double expected) { this.expected = expected; return this; }
        public Builder score(Double score) { this.score = score; return this; }
        public Builder itemsCount(Integer itemsCount) { this.itemsCount = itemsCount; return this; }
        public Builder items(List<AlertItem> items) { this.items = items; return this; }
        public Builder kibanaUrl(String kibanaUrl) { this.kibanaUrl = kibanaUrl; return this; }
        public Builder deliveries(List<Delivery> deliveries) { this.deliveries = deliveries; return this; }
        public Builder delivered(Boolean delivered) { this.delivered = delivered; return this; }
        public Builder url(String url) { this.url = url; return this; }
        public Builder source(SourceRef source) { this.source = source; return this; }
        public Builder diff(String diff) { this.diff = diff; return this; }
        public Builder version(Integer version) { this.version = version; return this; }
        public Builder signals(List<String> signals) { this.signals = signals; return this; }
        public Builder trend(List<TrendPoint> trend) { this.trend = trend; return this; }

        public Alert build() {
            return new Alert(id, type, created, dedupKey, topic, watch, region, title, summary, windowStart, windowEnd, observed, expected, score, itemsCount, items, kibanaUrl, deliveries, delivered, url, source, diff, version, signals, trend);
        }
    }

    /**
     * An item listed in an alert, with what an analyst reads before opening it: the source's name, the summary, the
     * topics and the terms that were the evidence for each.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertItem(String id, String url, String title, Instant published, String source,
                            @JsonProperty("source_name") String sourceName, String summary, String lang,
                            List<String> topics, Map<String, List<String>> evidence, String gloss) {
        /** An item without an English gloss (not Chinese, or written by an older version). */
        public AlertItem(String id, String url, String title, Instant published, String source, String sourceName,
                         String summary, String lang, List<String> topics, Map<String, List<String>> evidence) {
            this(id, url, title, published, source, sourceName, summary, lang, topics, evidence, null);
        }

        /** An item known by its link alone (a changed page, an alert written by an older version). */
        public AlertItem(String id, String url, String title, Instant published, String source) {
            this(id, url, title, published, source, null, null, null, null, null, null);
        }
    }

    /** Items of one topic on one day (UTC). */
    public record TrendPoint(String topic, Instant day, long count) {
    }

    /**
     * The delivery of an alert to one channel: pending (to be tried at {@code nextAttempt}), delivered, or failed
     * (given up once the alert was older than {@link Deliverer#MAX_AGE}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String channel, String recipient, String status, int attempts,
                           @JsonProperty("last_attempt") Instant lastAttempt,
                           @JsonProperty("next_attempt") Instant nextAttempt,
                           @JsonProperty("delivered_at") Instant deliveredAt,
                           String error) {
        public static final String PENDING = "pending";
        public static final String DELIVERED = "delivered";
        public static final String FAILED = "failed";
    }

    public Alert withDeliveries(List<Delivery> newDeliveries, boolean isDelivered) {
        return toBuilder().deliveries(List.copyOf(newDeliveries)).delivered(isDelivered).build();
    }

    /** The plain-text rendering used by every channel (Slack/Teams {@code text}, the mail's text part). */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("[PolicyRadar ").append(type).append("] ").append(title).append('\n');
        if (url != null) {
            b.append(url).append('\n');
        }
        if (summary != null && !summary.isBlank()) {
            b.append(summary.strip()).append('\n');
        }
        if (diff != null && !diff.isBlank()) {
            b.append("Changed passages ([-removed-] {+added+}):\n").append(diff.strip()).append('\n');
        }
        if (items != null && !items.isEmpty() && type != AlertType.CHANGE) {
            if (type == AlertType.DIGEST) {
                b.append("Top items:\n");
            }
            for (AlertItem i : items) {
                b.append("- ").append(i.title() == null ? "(untitled)" : i.title());
                if (i.source() != null) {
                    b.append(" [").append(i.source()).append(']');
                }
                if (i.url() != null) {
                    b.append(" ").append(i.url());
                }
                b.append('\n');
                if (i.gloss() != null) {
                    b.append("  (").append(i.gloss()).append(")\n");
                }
            }
            if (itemsCount != null && itemsCount > items.size() && type != AlertType.DIGEST) {
                b.append("… and ").append(itemsCount - items.size()).append(" more\n");
            }
        }
        if (kibanaUrl != null) {
            b.append("Open in Kibana: ").append(kibanaUrl).append('\n');
        }
        return b.toString();
    }
}
