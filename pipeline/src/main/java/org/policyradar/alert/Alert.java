package org.policyradar.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One alert as stored in {@code radar-alerts} (mapping: {@code elasticsearch/radar-alerts-template.json}). The
 * document id is {@link #id()}, which is the {@link #dedupKey()}: raising the same alert twice stores it once.
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
                    Boolean delivered) {

    public static final String SPIKE = "spike";
    public static final String WATCH = "watch";

    /** An item listed in an alert. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertItem(String id, String url, String title, Instant published, String source) {
    }

    /** The delivery of an alert to one channel: pending, delivered or failed (gave up). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String channel, String recipient, String status, int attempts,
                           @JsonProperty("last_attempt") Instant lastAttempt,
                           @JsonProperty("delivered_at") Instant deliveredAt,
                           String error) {
        public static final String PENDING = "pending";
        public static final String DELIVERED = "delivered";
        public static final String FAILED = "failed";
    }

    public Alert withDeliveries(List<Delivery> newDeliveries, boolean isDelivered) {
        return new Alert(id, type, created, dedupKey, topic, watch, region, title, summary, windowStart, windowEnd,
                observed, expected, score, itemsCount, items, kibanaUrl, List.copyOf(newDeliveries), isDelivered);
    }

    /** The plain-text rendering used by every channel (Slack/Teams {@code text}, the mail body). */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("[PolicyRadar ").append(type).append("] ").append(title).append('\n');
        if (summary != null && !summary.isBlank()) {
            b.append(summary).append('\n');
        }
        if (items != null) {
            for (AlertItem i : items) {
                b.append("- ").append(i.title() == null ? "(untitled)" : i.title());
                if (i.source() != null) {
                    b.append(" [").append(i.source()).append(']');
                }
                if (i.url() != null) {
                    b.append(" ").append(i.url());
                }
                b.append('\n');
            }
            if (itemsCount != null && itemsCount > items.size()) {
                b.append("… and ").append(itemsCount - items.size()).append(" more\n");
            }
        }
        if (kibanaUrl != null) {
            b.append("Open in Kibana: ").append(kibanaUrl).append('\n');
        }
        return b.toString();
    }
}
