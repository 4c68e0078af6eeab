package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policyradar.item.Item;
import org.policyradar.item.SimHash;

/**
 * Marks near-duplicates before a batch is indexed: an item whose SimHash shares a band with an earlier item's
 * (already indexed, or earlier in the batch; published within a week) and whose title and summary have a 3-shingle
 * Jaccard similarity of at least {@code minSimilarity} with it gets {@code duplicate_of} = that item's id (or the id
 * it in turn duplicates), so counts and alerts can count a syndicated story once.
 */
public final class NearDuplicateMarker {
    private static final Duration WINDOW = Duration.ofDays(7);

    /**
     * An already known item: id, shingles of its title and summary (built once: each is compared with many items),
     * SimHash bands, publication, and what it duplicates.
     */
    private record Known(String id, long[] shingles, long fingerprint, Instant published, String duplicateOf) {
        String root() {
            return duplicateOf != null ? duplicateOf : id;
        }
    }

    private final ElasticsearchClient client;
    private final String alias;
    private final double minSimilarity;

    public NearDuplicateMarker(ElasticsearchClient client, String alias, double minSimilarity) {
        this.client = client;
        this.alias = alias;
        this.minSimilarity = minSimilarity;
    }

    public List<Item> mark(List<Item> batch) throws IOException {
        List<Item> withPrint = batch.stream().filter(i -> i.simhash() != null).toList();
        if (withPrint.isEmpty()) {
            return batch;
        }
        Set<String> bands = new LinkedHashSet<>();
        Instant min = Instant.MAX;
        Instant max = Instant.MIN;
        for (Item i : withPrint) {
            bands.addAll(i.simhashBands());
            min = i.published().isBefore(min) ? i.published() : min;
            max = i.published().isAfter(max) ? i.published() : max;
        }
        String from = min.minus(WINDOW).toString();
        String to = max.plus(WINDOW).toString();
        List<FieldValue> values = bands.stream().map(FieldValue::of).toList();
        var response = client.search(s -> s.index(alias).size(2000)
                .query(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field("simhash_bands").terms(v -> v.value(values))))
                        .filter(f -> f.range(r -> r.date(d -> d.field("published").gte(from).lte(to))))))
                .source(src -> src.filter(f -> f.includes("title", "summary", "published", "duplicate_of", "simhash"))), JsonNode.class);
        List<Known> known = new ArrayList<>();
        for (Hit<JsonNode> h : response.hits().hits()) {
            JsonNode d = h.source();
            if (d.hasNonNull("published") && d.hasNonNull("simhash")) {
                // The same text as for a batch item (summary cut at 500 chars, as for the fingerprint), so an item
                // compares alike with an indexed copy and with a copy in its own batch.
                known.add(new Known(h.id(), SimHash.shingles(text(d.path("title").asText(null), d.path("summary").asText(null))),
                        SimHash.parseHex(d.get("simhash").asText()), Instant.parse(d.get("published").asText()), d.path("duplicate_of").asText(null)));
            }
        }
        List<Item> ordered = new ArrayList<>(batch);
        ordered.sort(Comparator.comparing(Item::published).thenComparing(Item::id));
        List<Item> out = new ArrayList<>(batch.size());
        for (Item item : ordered) {
            if (item.simhash() == null) {
                out.add(item);
                continue;
            }
            long[] shingles = SimHash.shingles(text(item));
            long fingerprint = SimHash.parseHex(item.simhash());
            Known first = null;
            for (Known k : known) {
                // Only items sharing a band are candidates (what the bands are for): comparing each item with every
                // hit of the batch's query made marking quadratic and 85% of an end-to-end run's CPU.
                if (!SimHash.shareBand(k.fingerprint(), fingerprint) || k.id().equals(item.id())
                        || SimHash.distance(k.fingerprint(), fingerprint) > SimHash.MAX_CANDIDATE_DISTANCE) {
                    continue;
                }
                boolean earlier = k.published().isBefore(item.published())
                        || k.published().equals(item.published()) && k.id().compareTo(item.id()) < 0;
                if (earlier && Duration.between(k.published(), item.published()).abs().compareTo(WINDOW) <= 0
                        && (first == null || k.published().isBefore(first.published()))
                        && sizesAllow(shingles.length, k.shingles().length)
                        && SimHash.jaccard(shingles, k.shingles()) >= minSimilarity) {
                    first = k;
                }
            }
            Item marked = first == null ? item.withDuplicateOf(null) : item.withDuplicateOf(first.root());
            out.add(marked);
            known.add(new Known(marked.id(), shingles, fingerprint, marked.published(), marked.duplicateOf()));
        }
        return out;
    }

    /** Jaccard cannot exceed the ratio of the set sizes: a free test before the merge. */
    private boolean sizesAllow(int a, int b) {
        return a != 0 && b != 0 && Math.min(a, b) >= minSimilarity * Math.max(a, b);
    }

    private static String text(Item item) {
        return text(item.title(), item.summary());
    }

    private static String text(String title, String summary) {
        String s = summary == null ? "" : summary;
        return (title == null ? "" : title) + " " + s.substring(0, Math.min(500, s.length()));
    }
}
