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
        return Alert.builder().id(key).type(AlertType.WATCH).created(now).dedupKey(key).watch(watch.id())
                .region(regionOf(watch.regions())).title(title).summary(summary).windowStart(from).windowEnd(to)
                .observed((double) total).itemsCount(total).items(items.stream().map(AlertFactory::item).toList())
                .kibanaUrl(kibana(watch.query(), from, to)).deliveries(pendingDeliveries())
                .delivered(config.channels().isEmpty()).build();
    }

    Alert spike(SpikeDetector.Subject subject, String key, Instant now, SpikeDetector.Measure m, List<Item> top) {
        return spike(AlertType.SPIKE, subject, key, now, m, top);
    }

    /** {@code type}: {@link AlertType#SPIKE} or {@link AlertType#SIGNAL_SPIKE}; both read the same measure. */
    Alert spike(AlertType type, SpikeDetector.Subject subject, String key, Instant now, SpikeDetector.Measure m, List<Item> top) {
        String title = String.format(Locale.ROOT, "Spike in %s: %d items in the last %s (usually %.1f)", subject.label(),
                (long) m.observed(), human(m.windowEnd().getEpochSecond() - m.windowStart().getEpochSecond()), m.expected());
        String summary = String.format(Locale.ROOT, "%d items from %d sources between %s and %s; baseline median %.1f over %d days; "
                        + "robust z-score %.1f", (long) m.observed(), m.sources(), m.windowStart().atOffset(ZoneOffset.UTC),
                m.windowEnd().atOffset(ZoneOffset.UTC), m.expected(), m.baselineDays(), m.score());
        return Alert.builder().id(key).type(type).created(now).dedupKey(key).topic(subject.topic()).region(subject.region())
                .title(title).summary(summary).windowStart(m.windowStart()).windowEnd(m.windowEnd()).observed(m.observed())
                .expected(m.expected()).score(m.score()).itemsCount((int) m.observed())
                .items(top.stream().map(AlertFactory::item).toList())
                .kibanaUrl(kibana(subject.query(), m.windowStart(), m.windowEnd())).deliveries(pendingDeliveries())
                .delivered(config.channels().isEmpty()).build();
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
        return Alert.builder().id(key).type(AlertType.CHANGE).created(now).dedupKey(key).topic(topic)
                .region(v.source() == null ? null : v.source().region()).title(title).summary(v.changeSummary())
                .windowStart(v.previousFetched() != null ? v.previousFetched() : v.fetched()).windowEnd(v.fetched())
                .itemsCount(1).items(List.of(item)).kibanaUrl(link).deliveries(deliveries).delivered(deliveries.isEmpty())
                .url(v.url()).source(v.source()).diff(v.diff()).version(v.version())
                .signals(v.signals().isEmpty() ? null : v.signals()).build();
    }

    /** The digest of one period, addressed to its recipients only. */
    Alert digest(String key, Instant now, AlertsConfig.Period period, String summary, List<Item> top, int itemsCount,
                 List<String> recipients, List<Alert.TrendPoint> trend) {
        String title = String.format(Locale.ROOT, "Digest %s – %s: %d new item%s", period.start().atOffset(ZoneOffset.UTC)
                        .toLocalDateTime().toString().replace('T', ' '), period.end().atOffset(ZoneOffset.UTC).toLocalDateTime()
                        .toString().replace('T', ' ') + " UTC", itemsCount, itemsCount == 1 ? "" : "s");
        List<Alert.Delivery> deliveries = pendingDeliveries().stream()
                .filter(d -> recipients.isEmpty() || recipients.contains(d.channel())).toList();
        return Alert.builder().id(key).type(AlertType.DIGEST).created(now).dedupKey(key).title(title).summary(summary)
                .windowStart(period.start()).windowEnd(period.end()).observed((double) itemsCount).itemsCount(itemsCount)
                .items(top.stream().map(AlertFactory::item).toList()).kibanaUrl(kibana("*", period.start(), period.end()))
                .deliveries(deliveries).delivered(deliveries.isEmpty()).trend(trend.isEmpty() ? null : List.copyOf(trend))
                .build();
    }

    /** A message sent by {@code radar alerts test}; never stored. */
    Alert test(Instant now) {
        String key = "test:" + now.toEpochMilli();
        return Alert.builder().id(key).type(AlertType.TEST).created(now).dedupKey(key).title("Test message")
                .summary("PolicyRadar can deliver alerts to this channel.").itemsCount(0).items(List.of())
                .kibanaUrl(config.kibanaUrl().orElse(null)).deliveries(List.of()).delivered(false).build();
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
