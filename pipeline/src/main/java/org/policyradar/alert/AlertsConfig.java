package org.policyradar.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyradar.change.IgnoreRules;

/**
 * {@code alerts.yaml}: where alerts go (channels), what is watched (saved searches) and how topic spikes are found.
 * A missing file gives {@link #empty()}: spikes with the default settings, no watches, no channels.
 */
public record AlertsConfig(Optional<String> kibanaUrl, List<Channel> channels, List<Watch> watches, Spike spike,
                           Map<String, Spike> spikeOverrides, IgnoreRules changes, Optional<Digest> digest,
                           SignalSpike signalSpike) {

    public AlertsConfig {
        channels = List.copyOf(channels);
        watches = List.copyOf(watches);
        spikeOverrides = Map.copyOf(spikeOverrides);
    }

    /** With the default signal-spike settings. */
    public AlertsConfig(Optional<String> kibanaUrl, List<Channel> channels, List<Watch> watches, Spike spike,
                        Map<String, Spike> spikeOverrides, IgnoreRules changes, Optional<Digest> digest) {
        this(kibanaUrl, channels, watches, spike, spikeOverrides, changes, digest, SignalSpike.DEFAULTS);
    }

    /** Without change-ignore rules of its own and without a digest. */
    public AlertsConfig(Optional<String> kibanaUrl, List<Channel> channels, List<Watch> watches, Spike spike,
                        Map<String, Spike> spikeOverrides) {
        this(kibanaUrl, channels, watches, spike, spikeOverrides, IgnoreRules.NONE, Optional.empty());
    }

    public static AlertsConfig empty() {
        return new AlertsConfig(Optional.empty(), List.of(), List.of(), Spike.DEFAULTS, Map.of());
    }

    public AlertsConfig withDigest(Digest d) {
        return new AlertsConfig(kibanaUrl, channels, watches, spike, spikeOverrides, changes, Optional.of(d), signalSpike);
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

    /**
     * Signal spikes: a taxonomy signal (a self-reliance target, a chokepoint, a ban, a funding line …) within one
     * topic, measured against its own baseline like a topic spike, with its own dedup key and cooldown.
     *
     * @param signals the signal ids measured (default: the taxonomy's six signal types, not the numeric mentions)
     */
    public record SignalSpike(boolean enabled, Spike settings, List<String> signals) {
        public static final List<String> DEFAULT_SIGNALS = List.of("self-reliance", "foreign-dependency", "ban-backlash",
                "funding", "target", "standard-setting");
        public static final SignalSpike DEFAULTS = new SignalSpike(true,
                new Spike(Duration.ofDays(1), 28, 3, 2, 3.0, Duration.ofHours(24)), DEFAULT_SIGNALS);

        public SignalSpike {
            signals = List.copyOf(signals);
        }
    }

    /**
     * The digest: one summary per period, sent to {@code recipients} (channel ids; empty: every channel).
     *
     * @param every    periods of this length, aligned to the epoch (UTC), when {@code at} is empty
     * @param at       periods of one day ending at this local time in {@code zone}
     * @param topItems how many items the digest lists
     */
    public record Digest(Optional<Duration> every, Optional<LocalTime> at, ZoneId zone, List<String> recipients, int topItems) {
        public Digest {
            recipients = List.copyOf(recipients);
        }

        /** The latest period that has ended at or before {@code now}: [start, end). */
        public Period lastCompleted(Instant now) {
            if (at.isPresent()) {
                ZonedDateTime local = now.atZone(zone);
                ZonedDateTime end = local.toLocalDate().atTime(at.get()).atZone(zone);
                if (end.toInstant().isAfter(now)) {
                    end = end.minusDays(1);
                }
                return new Period(end.minusDays(1).toInstant(), end.toInstant());
            }
            long seconds = every.orElse(Duration.ofDays(1)).toSeconds();
            long end = Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
            return new Period(Instant.ofEpochSecond(end - seconds), Instant.ofEpochSecond(end));
        }
    }

    /** A digest period, start inclusive, end exclusive. */
    public record Period(Instant start, Instant end) {
    }
}
