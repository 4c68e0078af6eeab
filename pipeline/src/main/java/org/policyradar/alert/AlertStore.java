package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyradar.index.IndexSetup;

/**
 * The {@code radar-alerts} index. {@link #raise} is create-only with the dedup key as document id, so raising an
 * alert twice (a re-run, a crash between raising and recording state) stores it once.
 */
public final class AlertStore {
    public static final IndexSetup.IndexDefinition ALERTS =
            new IndexSetup.IndexDefinition("radar-alerts", "/elasticsearch/radar-alerts-template.json");

    private final ElasticsearchClient client;
    private final String alias;

    public AlertStore(ElasticsearchClient client) {
        this(client, ALERTS.alias());
    }

    public AlertStore(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** Stores the alert unless one with its dedup key exists. @return true when it was stored now */
    public boolean raise(Alert alert) {
        if (!alert.id().equals(alert.dedupKey())) {
            throw new IllegalArgumentException("an alert's id must be its dedup key: " + alert.id());
        }
        try {
            client.create(c -> c.index(alias).id(alert.id()).document(alert).refresh(Refresh.WaitFor));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store alert " + alert.id(), e);
        }
    }

    public Optional<Alert> get(String id) {
        try {
            var r = client.search(s -> s.index(alias).query(q -> q.ids(i -> i.values(id))), Alert.class);
            return r.hits().hits().stream().map(Hit::source).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the per-channel delivery state of an alert. */
    public void updateDeliveries(Alert alert) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("deliveries", alert.deliveries());
        doc.put("delivered", alert.delivered());
        try {
            client.update(u -> u.index(alias).id(alert.id()).doc(doc).refresh(Refresh.WaitFor), Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery of alert " + alert.id(), e);
        }
    }

    /** Alerts not yet delivered to every channel, raised after {@code since}, oldest first. */
    public List<Alert> pending(Instant since) {
        // Only alerts raised through raise() (id = dedup key); documents written by other tools are not delivered.
        return search(Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("delivered").value(false)))
                .filter(f -> f.exists(e -> e.field("dedup_key")))
                .filter(f -> f.range(r -> r.untyped(d -> d.field("created").gte(JsonData.of(since.toString()))))))), 500, SortOrder.Asc);
    }

    /** Alerts raised since {@code since}, newest first, optionally of one type. */
    public List<Alert> list(Instant since, Optional<String> type, int max) {
        return search(Query.of(q -> q.bool(b -> {
            b.filter(f -> f.range(r -> r.untyped(d -> d.field("created").gte(JsonData.of(since.toString())))));
            type.ifPresent(t -> b.filter(f -> f.term(x -> x.field("type").value(t))));
            return b;
        })), max, SortOrder.Desc);
    }

    /** Which of these alert ids are stored. */
    public java.util.Set<String> existing(List<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Alert a : search(Query.of(q -> q.ids(i -> i.values(ids))), ids.size(), SortOrder.Asc)) {
            out.add(a.id());
        }
        return out;
    }

    /** Alerts of a type raised in [from, to), oldest first. */
    public List<Alert> between(Instant from, Instant to, AlertType type, int max) {
        return search(Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("type").value(type.wireName())))
                .filter(f -> f.range(r -> r.untyped(d -> d.field("created").gte(JsonData.of(from.toString()))
                        .lt(JsonData.of(to.toString()))))))), max, SortOrder.Asc);
    }

    /** Whether a spike alert about this subject ({@link SpikeDetector.Subject#key()}) was raised after {@code since}. */
    public boolean spikeRaisedSince(String subjectKey, Instant since) {
        return raisedSince(AlertType.SPIKE, subjectKey, since);
    }

    /** Whether an alert of this type (spike, signal-spike) about this subject was raised after {@code since}. */
    public boolean raisedSince(AlertType type, String subjectKey, Instant since) {
        return !search(Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("type").value(type.wireName())))
                .filter(f -> f.prefix(p -> p.field("dedup_key").value(type.wireName() + ":" + subjectKey + ":")))
                .filter(f -> f.range(r -> r.untyped(d -> d.field("created").gt(JsonData.of(since.toString()))))))), 1, SortOrder.Desc).isEmpty();
    }

    /** Ids of the items listed in watch alerts of {@code watch} raised after {@code since}. */
    public List<String> itemsAlerted(String watch, Instant since) {
        List<String> ids = new ArrayList<>();
        for (Alert a : search(Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("watch").value(watch)))
                .filter(f -> f.range(r -> r.untyped(d -> d.field("created").gt(JsonData.of(since.toString()))))))), 1000, SortOrder.Desc)) {
            if (a.items() != null) {
                a.items().forEach(i -> ids.add(i.id()));
            }
        }
        return ids;
    }

    private List<Alert> search(Query query, int size, SortOrder order) {
        try {
            SearchResponse<Alert> r = client.search(s -> s.index(alias).query(query).size(size)
                    .sort(o -> o.field(f -> f.field("created").order(order)))
                    .ignoreUnavailable(true), Alert.class);
            return r.hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
