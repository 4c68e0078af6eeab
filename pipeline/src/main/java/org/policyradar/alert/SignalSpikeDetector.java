package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signal spikes: for each topic, the count of items carrying one of the configured signals (a self-reliance target,
 * a chokepoint, a ban, a funding line …) in the window against the same robust baseline as topic spikes
 * ({@link SpikeDetector#measure}: 28 daily windows, median and MAD, near-duplicates counted once). Raised as
 * {@link AlertType#SIGNAL_SPIKE} under the key {@code signal-spike:<signal>/<topic>:<day>} with a cooldown of its own,
 * so a signal spike never silences a topic spike or the reverse.
 */
public final class SignalSpikeDetector {
    private static final Logger LOG = LoggerFactory.getLogger(SignalSpikeDetector.class);

    private final ElasticsearchClient client;
    private final String itemsAlias;
    private final SpikeDetector measures;
    private final AlertStore store;
    private final AlertFactory factory;

    public SignalSpikeDetector(ElasticsearchClient client, String itemsAlias, SpikeDetector measures, AlertStore store,
                               AlertFactory factory) {
        this.client = client;
        this.itemsAlias = itemsAlias;
        this.measures = measures;
        this.store = store;
        this.factory = factory;
    }

    public List<Alert> evaluate(AlertsConfig.SignalSpike config, Instant now) {
        if (!config.enabled() || config.signals().isEmpty()) {
            return List.of();
        }
        AlertsConfig.Spike settings = config.settings();
        List<Alert> raised = new ArrayList<>();
        for (SpikeDetector.Subject subject : candidates(config, now)) {
            SpikeDetector.Measure m = measures.measure(subject, settings, now);
            if (!SpikeDetector.isSpike(m, settings)) {
                continue;
            }
            if (store.raisedSince(AlertType.SIGNAL_SPIKE, subject.key(), now.minus(settings.cooldown()))) {
                LOG.debug("event=signal_spike_cooldown subject={}", subject.key());
                continue;
            }
            String key = AlertType.SIGNAL_SPIKE.wireName() + ":" + subject.key() + ":" + now.atOffset(ZoneOffset.UTC).toLocalDate();
            Alert a = factory.spike(AlertType.SIGNAL_SPIKE, subject, key, now, m, measures.topItems(subject, m.windowStart(), now));
            if (store.raise(a)) {
                LOG.info("event=alert_raised type=signal-spike subject=\"{}\" observed={} expected={} score={}", subject.key(),
                        m.observed(), m.expected(), m.score());
                raised.add(a);
            }
        }
        return raised;
    }

    /** (signal, topic) pairs with at least min_count items from min_sources sources in the window. */
    private List<SpikeDetector.Subject> candidates(AlertsConfig.SignalSpike config, Instant now) {
        AlertsConfig.Spike s = config.settings();
        Instant from = now.minus(s.window());
        List<FieldValue> signals = config.signals().stream().map(FieldValue::of).toList();
        try {
            SearchResponse<Void> r = client.search(x -> x.index(itemsAlias).size(0)
                    .query(q -> q.bool(b -> b.mustNot(SpikeDetector.IS_NEAR_DUPLICATE)
                            .filter(f -> f.terms(t -> t.field("signals").terms(v -> v.value(signals))))
                            .filter(f -> f.range(g -> g.untyped(d -> d.field("published").gte(JsonData.of(from.toString()))
                                    .lt(JsonData.of(now.toString())))))))
                    .aggregations("topics", a -> a.terms(t -> t.field("topics").size(2000).minDocCount(s.minCount()))
                            .aggregations("signals", c -> c.terms(t -> t.field("signals").size(100).minDocCount(s.minCount()))
                                    .aggregations("sources", d -> d.cardinality(y -> y.field("source.id"))))), Void.class);
            List<SpikeDetector.Subject> out = new ArrayList<>();
            for (StringTermsBucket topic : r.aggregations().get("topics").sterms().buckets().array()) {
                for (StringTermsBucket signal : topic.aggregations().get("signals").sterms().buckets().array()) {
                    String id = signal.key().stringValue();
                    if (config.signals().contains(id) && signal.aggregations().get("sources").cardinality().value() >= s.minSources()) {
                        out.add(SpikeDetector.Subject.signal(id, topic.key().stringValue()));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("signal spike candidates: search failed", e);
        }
    }
}
