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
                    String type,
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

    public static final String SPIKE = "spike";
    public static final String WATCH = "watch";
    public static final String CHANGE = "change";
    public static final String DIGEST = "digest";
    /** A taxonomy signal spiking within a topic ({@link SignalSpikeDetector}). */
    public static final String SIGNAL_SPIKE = "signal-spike";
    public static final List<String> TYPES = List.of(SPIKE, WATCH, CHANGE, DIGEST, SIGNAL_SPIKE);

    /** An alert of the original kinds (spike, watch), without the fields of change alerts. */
    public Alert(String id, String type, Instant created, String dedupKey, String topic, String watch, String region,
                 String title, String summary, Instant windowStart, Instant windowEnd, Double observed, Double expected,
                 Double score, Integer itemsCount, List<AlertItem> items, String kibanaUrl, List<Delivery> deliveries,
                 Boolean delivered) {
        this(id, type, created, dedupKey, topic, watch, region, title, summary, windowStart, windowEnd, observed, expected,
                score, itemsCount, items, kibanaUrl, deliveries, delivered, null, null, null, null, null, null);
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
        return new Alert(id, type, created, dedupKey, topic, watch, region, title, summary, windowStart, windowEnd,
                observed, expected, score, itemsCount, items, kibanaUrl, List.copyOf(newDeliveries), isDelivered, url, source,
                diff, version, signals, trend);
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
        if (items != null && !items.isEmpty() && !CHANGE.equals(type)) {
            if (DIGEST.equals(type)) {
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
            if (itemsCount != null && itemsCount > items.size() && !DIGEST.equals(type)) {
                b.append("… and ").append(itemsCount - items.size()).append(" more\n");
            }
        }
        if (kibanaUrl != null) {
            b.append("Open in Kibana: ").append(kibanaUrl).append('\n');
        }
        return b.toString();
    }
}
