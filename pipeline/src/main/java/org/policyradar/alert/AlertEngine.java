package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyradar.change.VersionStore;
import org.policyradar.index.IndexSetup;
import org.policyradar.search.QueryExpander;

/**
 * Alerting in one call: {@link #evaluate(Instant)} runs the watches, topic and signal spike detection, plan adjustments (changed
 * versions of tracked pages) and the digest, then delivers every
 * pending alert. Safe to call repeatedly and from several runs: alerts are deduplicated by key, watches keep a
 * high-water mark, deliveries are recorded per channel.
 *
 * <pre>{@code
 * AlertsConfig config = new AlertsConfigLoader(System.getenv()).loadFromDirectory(configDir);
 * AlertEngine engine = new AlertEngine(es.client(), config);
 * engine.ensureIndices();                 // once at start-up
 * AlertEngine.Result r = engine.evaluate(clock.instant());   // after each ingestion round
 * }</pre>
 */
public final class AlertEngine {
    /** What one evaluation did. */
    public record Result(List<Alert> raised, int delivered, int deliveryFailures) {
    }

    private final ElasticsearchClient client;
    private final AlertsConfig config;
    private final AlertStore store;
    private final WatchState state;
    private final WatchEvaluator watches;
    private final SpikeDetector spikes;
    private final SignalSpikeDetector signalSpikes;
    private final Deliverer deliverer;
    private final AlertFactory factory;
    private final ChangeAlerts changes;
    private final DigestBuilder digests;

    public AlertEngine(ElasticsearchClient client, AlertsConfig config) {
        this(client, config, "radar-items");
    }

    /** Watch queries as written, not expanded across languages. */
    public AlertEngine(ElasticsearchClient client, AlertsConfig config, String itemsAlias) {
        this(client, config, itemsAlias, QueryExpander.none());
    }

    /** @param expander expands watch queries across languages (an English watch also finds Chinese items) */
    public AlertEngine(ElasticsearchClient client, AlertsConfig config, String itemsAlias, QueryExpander expander) {
        this.client = client;
        this.config = config;
        this.store = new AlertStore(client);
        this.state = new WatchState(client);
        this.factory = new AlertFactory(config);
        this.watches = new WatchEvaluator(client, itemsAlias, store, state, factory, expander);
        this.spikes = new SpikeDetector(client, itemsAlias, store, factory);
        this.signalSpikes = new SignalSpikeDetector(client, itemsAlias, spikes, store, factory);
        this.deliverer = new Deliverer(config);
        this.changes = new ChangeAlerts(new VersionStore(client), store, factory);
        this.digests = new DigestBuilder(client, itemsAlias, store, factory);
    }

    /** Creates the radar-alerts index (template + alias) and the watch-state index. Idempotent. */
    public void ensureIndices() {
        new IndexSetup(client).ensure(List.of(AlertStore.ALERTS, VersionStore.VERSIONS));
        state.ensure();
    }

    public synchronized Result evaluate(Instant now) {
        List<Alert> raised = new ArrayList<>(watches.evaluate(config.watches(), now));
        raised.addAll(spikes.evaluate(config, now));
        raised.addAll(signalSpikes.evaluate(config.signalSpike(), now));
        raised.addAll(changes.evaluate(now));
        // last, so that the period's spikes and plan adjustments raised just now are in it
        config.digest().flatMap(d -> digests.evaluate(d, now)).ifPresent(raised::add);
        Deliverer.Outcome o = deliverer.deliverPending(store, now);
        return new Result(raised, o.delivered(), o.failed());
    }

    /** Sends a test message to every channel. @return channel id to null (sent) or the error message */
    public Map<String, String> test(Instant now) {
        Map<String, String> out = new LinkedHashMap<>();
        Alert alert = factory.test(now);
        for (AlertsConfig.Channel c : config.channels()) {
            try {
                deliverer.send(c, alert);
                out.put(c.id(), null);
            } catch (Exception e) {
                out.put(c.id(), String.valueOf(e.getMessage()));
            }
        }
        return out;
    }

    public AlertStore store() {
        return store;
    }

    public AlertsConfig config() {
        return config;
    }
}
