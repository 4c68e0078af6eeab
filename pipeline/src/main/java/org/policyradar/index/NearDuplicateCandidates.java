package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches every indexed item that shares a near-duplicate lookup key with a batch and was published in a window, page
 * by page over a point in time, so no candidate is dropped by a result-size cap. A hard limit bounds memory if keys
 * ever match far more items than the LSH makes likely (many identical short texts); hitting it is logged
 * ({@code event=near_duplicate_candidates_capped}), since copies of the items left out then go unmarked.
 */
final class NearDuplicateCandidates {
    private static final Logger LOG = LoggerFactory.getLogger(NearDuplicateCandidates.class);
    private static final String KEEP_ALIVE = "1m";
    /** Well under {@code index.max_terms_count} (65,536) and a search request of a few hundred KB. */
    static final int KEYS_PER_QUERY = 8_192;

    /** An indexed item as the marker needs it. */
    record Candidate(String id, String title, String summary, Instant published, String duplicateOf, List<String> keys) {
    }

    private final ElasticsearchClient client;
    private final String alias;
    private final int pageSize;
    private final int limit;

    NearDuplicateCandidates(ElasticsearchClient client, String alias, int pageSize, int limit) {
        this.client = client;
        this.alias = alias;
        this.pageSize = pageSize;
        this.limit = limit;
    }

    /**
     * Every item sharing one of {@code keys}, each once. The keys go to Elasticsearch in chunks of {@link #KEYS_PER_QUERY}:
     * one {@code terms} query over {@code index.max_terms_count} (65,536 by default) fails the whole search, and a
     * 2,000-item batch has ~96,000 keys.
     */
    List<Candidate> sharingAnyKey(Collection<String> keys, Instant from, Instant to) throws IOException {
        Map<String, Candidate> out = new LinkedHashMap<>();
        List<String> all = List.copyOf(keys);
        String pit = client.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        try {
            for (int start = 0; start < all.size(); start += KEYS_PER_QUERY) {
                List<FieldValue> values = all.subList(start, Math.min(all.size(), start + KEYS_PER_QUERY)).stream()
                        .map(FieldValue::of).toList();
                pit = page(pit, values, from, to, out);
                if (out.size() > limit) {
                    LOG.warn("event=near_duplicate_candidates_capped limit={} keys={} from={} to={}", limit, keys.size(), from, to);
                    return List.copyOf(out.values()).subList(0, limit);
                }
            }
            return List.copyOf(out.values());
        } finally {
            String pitId = pit;
            client.closePointInTime(c -> c.id(pitId));
        }
    }

    /** Pages through the items sharing one chunk of keys into {@code out}; returns the point in time to go on with. */
    private String page(String pit, List<FieldValue> values, Instant from, Instant to, Map<String, Candidate> out) throws IOException {
        List<FieldValue> after = null;
        while (true) {
            String pitId = pit;
            List<FieldValue> searchAfter = after;
            int size = Math.min(pageSize, limit + 1 - out.size()); // one more than the limit tells that it was hit
            SearchResponse<JsonNode> page = client.search(s -> {
                s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE))).size(size)
                        .sort(so -> so.field(f -> f.field("_shard_doc")))
                        .trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.terms(t -> t.field("simhash_bands").terms(v -> v.value(values))))
                                .filter(f -> f.range(r -> r.date(d -> d.field("published").gte(from.toString()).lte(to.toString()))))))
                        .source(src -> src.filter(f -> f.includes("title", "summary", "published", "duplicate_of", "simhash_bands")));
                return searchAfter == null ? s : s.searchAfter(searchAfter);
            }, JsonNode.class);
            pit = page.pitId() != null ? page.pitId() : pit;
            List<Hit<JsonNode>> hits = page.hits().hits();
            for (Hit<JsonNode> h : hits) {
                candidate(h).ifPresent(c -> out.putIfAbsent(c.id(), c));
            }
            if (hits.size() < size || out.size() > limit) {
                return pit;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static Optional<Candidate> candidate(Hit<JsonNode> h) {
        JsonNode d = h.source();
        if (d == null || !d.hasNonNull("published")) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        d.path("simhash_bands").forEach(k -> keys.add(k.asText()));
        return Optional.of(new Candidate(h.id(), d.path("title").asText(null), d.path("summary").asText(null),
                Instant.parse(d.get("published").asText()), d.path("duplicate_of").asText(null), keys));
    }
}
