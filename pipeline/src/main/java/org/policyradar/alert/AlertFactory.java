package org.policyradar.alert;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.policyradar.change.PageVersion;
import org.policyradar.item.Item;

/** Builds alert documents: text, Kibana link and one pending delivery per configured channel. */
public final class AlertFactory {
    private final AlertsConfig config;

    public AlertFactory(AlertsConfig config) {
        this.config = config;
    }

    Alert watch(AlertsConfig.Watch watch, String key, Instant now, List<Item> items, int total, Instant from, Instant to) {
        String title = "Watch '" + watch.id() + "': " + total + " new item" + (total == 1 ? "" : "s");
        String summary = "New matches for " + watch.query();
        return new Alert(key, Alert.WATCH, now, key, null, watch.id(), regionOf(watch.regions()), title, summary, from, to,
                (double) total, null, null, total, items.stream().map(AlertFactory::item).toList(),
                kibana(watch.query(), from, to), pendingDeliveries(), config.channels().isEmpty());
    }

    Alert spike(SpikeDetector.Subject subject, String key, Instant now, SpikeDetector.Measure m, List<Item> top) {
        return spike(Alert.SPIKE, subject, key, now, m, top);
    }

    /** {@code type}: {@link Alert#SPIKE} or {@link Alert#SIGNAL_SPIKE}; both read the same measure. */
    Alert spike(String type, SpikeDetector.Subject subject, String key, Instant now, SpikeDetector.Measure m, List<Item> top) {
        String title = String.format(Locale.ROOT, "Spike in %s: %d items in the last %s (usually %.1f)", subject.label(),
                (long) m.observed(), human(m.windowEnd().getEpochSecond() - m.windowStart().getEpochSecond()), m.expected());
        String summary = String.format(Locale.ROOT, "%d items from %d sources between %s and %s; baseline median %.1f over %d days; "
                        + "robust z-score %.1f", (long) m.observed(), m.sources(), m.windowStart().atOffset(ZoneOffset.UTC),
                m.windowEnd().atOffset(ZoneOffset.UTC), m.expected(), m.baselineDays(), m.score());
        return new Alert(key, type, now, key, subject.topic(), null, subject.region(), title, summary, m.windowStart(),
                m.windowEnd(), m.observed(), m.expected(), m.score(), (int) m.observed(), top.stream().map(AlertFactory::item).toList(),
                kibana(subject.query(), m.windowStart(), m.windowEnd()), pendingDeliveries(), config.channels().isEmpty());
    }

    /** A plan adjustment: a tracked page's text changed; the alert carries the version's diff and summary. */
    Alert change(PageVersion v, String key, Instant now, String topic) {
        String name = v.title() == null || v.title().isBlank() ? v.url() : v.title();
        String title = "Changed: " + name + " (version " + v.version() + ", +" + v.wordsAdded() + "/-" + v.wordsRemoved() + " words)";
        Alert.AlertItem item = new Alert.AlertItem(v.itemId(), v.url(), v.title(), v.fetched(),
                v.source() == null ? null : v.source().id(), v.source() == null ? null : v.source().name(), null, null, null, null);
        String link = config.kibanaUrl().map(base -> base.replaceAll("/+$", "") + "/app/discover#/?_g=(time:(from:now-5y,to:now))"
                + "&_a=(index:'radar-versions',query:(language:lucene,query:'"
                + encode("item_id:\"" + v.itemId() + "\"") + "'))").orElse(null);
        List<Alert.Delivery> deliveries = pendingDeliveries();
        // the window is the two versions compared: when the previous one was fetched, and this one
        return new Alert(key, Alert.CHANGE, now, key, topic, null, v.source() == null ? null : v.source().region(), title,
                v.changeSummary(), v.previousFetched() != null ? v.previousFetched() : v.fetched(), v.fetched(), null, null, null, 1,
                List.of(item), link, deliveries, deliveries.isEmpty(), v.url(), v.source(), v.diff(), v.version(),
                v.signals().isEmpty() ? null : v.signals(), null);
    }

    /** The digest of one period, addressed to its recipients only. */
    Alert digest(String key, Instant now, AlertsConfig.Period period, String summary, List<Item> top, int itemsCount,
                 List<String> recipients, List<Alert.TrendPoint> trend) {
        String title = String.format(Locale.ROOT, "Digest %s – %s: %d new item%s", period.start().atOffset(ZoneOffset.UTC)
                        .toLocalDateTime().toString().replace('T', ' '), period.end().atOffset(ZoneOffset.UTC).toLocalDateTime()
                        .toString().replace('T', ' ') + " UTC", itemsCount, itemsCount == 1 ? "" : "s");
        List<Alert.Delivery> deliveries = pendingDeliveries().stream()
                .filter(d -> recipients.isEmpty() || recipients.contains(d.channel())).toList();
        return new Alert(key, Alert.DIGEST, now, key, null, null, null, title, summary, period.start(), period.end(),
                (double) itemsCount, null, null, itemsCount, top.stream().map(AlertFactory::item).toList(),
                kibana("*", period.start(), period.end()), deliveries, deliveries.isEmpty(), null, null, null, null, null,
                trend.isEmpty() ? null : List.copyOf(trend));
    }

    /** A message sent by {@code radar alerts test}; never stored. */
    Alert test(Instant now) {
        String key = "test:" + now.toEpochMilli();
        return new Alert(key, "test", now, key, null, null, null, "Test message",
                "PolicyRadar can deliver alerts to this channel.", null, null, null, null, null, 0, List.of(),
                config.kibanaUrl().orElse(null), List.of(), false);
    }

    List<Alert.Delivery> pendingDeliveries() {
        return config.channels().stream()
                .map(c -> new Alert.Delivery(c.id(), recipient(c), Alert.Delivery.PENDING, 0, null, null, null, null)).toList();
    }

    /** Who a channel reaches, without secrets (webhook URLs carry tokens in their path). */
    static String recipient(AlertsConfig.Channel c) {
        return switch (c) {
            case AlertsConfig.Webhook w -> URI.create(w.url()).getHost();
            case AlertsConfig.Email e -> String.join(",", e.to());
        };
    }

    /** Discover on the items' data view ({@code radar-items} in kibana/policyradar.ndjson), the window and the query. */
    private String kibana(String query, Instant from, Instant to) {
        return config.kibanaUrl().map(base -> base.replaceAll("/+$", "") + "/app/discover#/?_g=(time:(from:'" + from
                + "',to:'" + to + "'))&_a=(index:'" + ITEMS_DATA_VIEW + "',query:(language:lucene,query:'"
                + encode(query) + "'))").orElse(null);
    }

    /** The id of the items' data view in the shipped saved objects. */
    static final String ITEMS_DATA_VIEW = "radar-items";
    /** Summaries in alerts are cut here: a mail is read on a phone too. */
    static final int SUMMARY_CHARS = 400;

    /** A query inside a Rison string ('…' with ! as escape), URL-encoded. */
    private static String encode(String query) {
        return URLEncoder.encode(query.replace("!", "!!").replace("'", "!'"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Alert.AlertItem item(Item i) {
        String summary = i.summary() == null || i.summary().isBlank() ? null : i.summary().strip();
        if (summary != null && summary.length() > SUMMARY_CHARS) {
            summary = summary.substring(0, SUMMARY_CHARS - 1) + "…";
        }
        return new Alert.AlertItem(i.id(), i.url(), i.title(), i.published(), i.source() == null ? null : i.source().id(),
                i.source() == null ? null : i.source().name(), summary, i.lang(),
                i.topics() == null || i.topics().isEmpty() ? null : i.topics(),
                i.evidence() == null || i.evidence().isEmpty() ? null : i.evidence(), i.gloss());
    }

    private static String regionOf(List<String> regions) {
        return regions.size() == 1 ? regions.get(0) : null;
    }

    private static String human(long seconds) {
        return seconds % 86400 == 0 ? seconds / 86400 + "d" : seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds / 60 + "m";
    }
}
