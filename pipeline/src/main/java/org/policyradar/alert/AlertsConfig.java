package org.policyradar.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code alerts.yaml}: where alerts go (channels), what is watched (saved searches) and how topic spikes are found.
 * A missing file gives {@link #empty()}: spikes with the default settings, no watches, no channels.
 */
public record AlertsConfig(Optional<String> kibanaUrl, List<Channel> channels, List<Watch> watches, Spike spike,
                           Map<String, Spike> spikeOverrides) {

    public AlertsConfig {
        channels = List.copyOf(channels);
        watches = List.copyOf(watches);
        spikeOverrides = Map.copyOf(spikeOverrides);
    }

    public static AlertsConfig empty() {
        return new AlertsConfig(Optional.empty(), List.of(), List.of(), Spike.DEFAULTS, Map.of());
    }

    /** The spike settings of a topic: its override, or the defaults. */
    public Spike spikeFor(String topic) {
        return spikeOverrides.getOrDefault(topic, spike);
    }

    /** A delivery channel. {@code id} is what the alert's {@code deliveries[].channel} records. */
    public sealed interface Channel permits Webhook, Email {
        String id();
    }

    /** POST of {@code {"text": ..., "alert": {...}}} (Slack/Teams incoming-webhook compatible). */
    public record Webhook(String id, String url) implements Channel {
    }

    /** A text/plain mail over SMTP. {@code password} is read from the environment variable named in the file. */
    public record Email(String id, String host, int port, boolean starttls, Optional<String> username,
                        Optional<String> password, String from, List<String> to) implements Channel {
        public Email {
            to = List.copyOf(to);
        }
    }

    /** A saved search: an Elasticsearch query-string over items, narrowed by topics, regions and sources. */
    public record Watch(String id, String query, List<String> topics, List<String> regions, List<String> sources) {
        public Watch {
            topics = List.copyOf(topics);
            regions = List.copyOf(regions);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Spike detection settings.
     *
     * @param window       the recent period whose count is compared (default 1 day)
     * @param baselineDays how many earlier daily windows make the baseline (default 28)
     * @param minCount     fewest items in the window for an alert (default 5)
     * @param minSources   fewest distinct sources in the window (default 2)
     * @param threshold    robust z-score above which the window is a spike (default 3.0)
     * @param cooldown     no second spike alert for a topic within this period (default 24h)
     */
    public record Spike(Duration window, int baselineDays, int minCount, int minSources, double threshold, Duration cooldown) {
        public static final Spike DEFAULTS = new Spike(Duration.ofDays(1), 28, 5, 2, 3.0, Duration.ofHours(24));
    }
}
