package org.policyradar.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Per-watch high-water mark on items' {@code fetched}, in the small {@code radar-alert-state} index (one document
 * per watch, id {@code watch:<id>}).
 */
public final class WatchState {
    public static final String INDEX = "radar-alert-state";

    private final ElasticsearchClient client;
    private final String index;

    public WatchState(ElasticsearchClient client) {
        this(client, INDEX);
    }

    public WatchState(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** Creates the index when it is missing. Idempotent. */
    public void ensure() {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index)
                        .settings(s -> s.numberOfShards("1").autoExpandReplicas("0-1")) // a replica once a second node is there
                        .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                                .properties("watch", p -> p.keyword(k -> k))
                                .properties("high_water", p -> p.date(d -> d))));
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index " + index, e);
        }
    }

    @SuppressWarnings("rawtypes")
    public Optional<Instant> highWater(String watch) {
        try {
            var r = client.get(g -> g.index(index).id("watch:" + watch), Map.class);
            if (!r.found() || r.source() == null || r.source().get("high_water") == null) {
                return Optional.empty();
            }
            return Optional.of(Instant.parse(r.source().get("high_water").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setHighWater(String watch, Instant at) {
        try {
            client.index(i -> i.index(index).id("watch:" + watch)
                    .document(Map.of("watch", watch, "high_water", at.toString())).refresh(Refresh.WaitFor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
