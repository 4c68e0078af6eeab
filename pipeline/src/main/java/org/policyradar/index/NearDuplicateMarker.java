package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyradar.item.Item;
import org.policyradar.item.MinHashLsh;
import org.policyradar.item.SimHash;

/**
 * Marks near-duplicates before a batch is indexed: an item that shares a MinHash lookup key ({@link MinHashLsh}) with
 * an earlier item (already indexed, or earlier in the batch; published within a week) and whose title and summary have
 * a 3-shingle Jaccard similarity of at least {@code minSimilarity} with it gets {@code duplicate_of} = that item's id
 * (or the id it in turn duplicates), so counts and alerts can count a syndicated story once.
 *
 * <p>Items indexed before the MinHash keys (SimHash bands, no {@code m4:} tag) share no key with new items: they are
 * never candidates, so for the week after the upgrade a copy of one of them is not marked (a copy under the same
 * canonical URL is still the same document). Items spooled under the old scheme get current keys here.
 */
public final class NearDuplicateMarker {
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final int PAGE_SIZE = 1_000;
    /** Candidates held in memory at most (each with its shingle set, a few KB). */
    private static final int CANDIDATE_LIMIT = 20_000;

    /**
     * A known item: id, publication, what it duplicates, and the shingles of its title and summary, built once and only
     * when it is compared (a candidate later than every item sharing its keys, or beaten by an earlier one, never is).
     */
    private static final class Known {
        private final String id;
        private final Instant published;
        private final String duplicateOf;
        private final String text;
        private long[] shingles;

        Known(String id, Instant published, String duplicateOf, String text, long[] shingles) {
            this.id = id;
            this.published = published;
            this.duplicateOf = duplicateOf;
            this.text = text;
            this.shingles = shingles;
        }

        String id() {
            return id;
        }

        Instant published() {
            return published;
        }

        String root() {
            return duplicateOf != null ? duplicateOf : id;
        }

        long[] shingles() {
            if (shingles == null) {
                shingles = SimHash.shingles(text);
            }
            return shingles;
        }
    }

    private final NearDuplicateCandidates candidates;
    private final double minSimilarity;

    public NearDuplicateMarker(ElasticsearchClient client, String alias, double minSimilarity) {
        this(new NearDuplicateCandidates(client, alias, PAGE_SIZE, CANDIDATE_LIMIT), minSimilarity);
    }

    NearDuplicateMarker(NearDuplicateCandidates candidates, double minSimilarity) {
        this.candidates = candidates;
        this.minSimilarity = minSimilarity;
    }

    public List<Item> mark(List<Item> batch) throws IOException {
        List<Item> current = batch.stream().map(NearDuplicateMarker::withCurrentKeys).toList();
        Set<String> keys = new LinkedHashSet<>();
        Instant min = Instant.MAX;
        Instant max = Instant.MIN;
        for (Item i : current) {
            if (hasKeys(i)) {
                keys.addAll(i.simhashBands());
                min = i.published().isBefore(min) ? i.published() : min;
                max = i.published().isAfter(max) ? i.published() : max;
            }
        }
        if (keys.isEmpty()) {
            return current;
        }
        // Items sharing a key: the only ones compared (comparing every item with every hit made marking quadratic).
        Map<String, List<Known>> byKey = new HashMap<>();
        for (NearDuplicateCandidates.Candidate c : candidates.sharingAnyKey(keys, min.minus(WINDOW), max.plus(WINDOW))) {
            Known k = new Known(c.id(), c.published(), c.duplicateOf(), Item.fingerprintText(c.title(), c.summary()), null);
            c.keys().stream().filter(keys::contains).forEach(key -> byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(k));
        }
        List<Item> ordered = new ArrayList<>(current);
        ordered.sort(Comparator.comparing(Item::published).thenComparing(Item::id));
        List<Item> out = new ArrayList<>(batch.size());
        for (Item item : ordered) {
            if (!hasKeys(item)) {
                out.add(item);
                continue;
            }
            Known probe = new Known(item.id(), item.published(), null, Item.fingerprintText(item.title(), item.summary()), null);
            Known first = null;
            Set<String> seen = new HashSet<>();
            for (String key : item.simhashBands()) {
                for (Known k : byKey.getOrDefault(key, List.of())) {
                    if (!seen.add(k.id()) || k.id().equals(item.id())) {
                        continue;
                    }
                    boolean earlier = k.published().isBefore(item.published())
                            || k.published().equals(item.published()) && k.id().compareTo(item.id()) < 0;
                    if (earlier && Duration.between(k.published(), item.published()).abs().compareTo(WINDOW) <= 0
                            && (first == null || k.published().isBefore(first.published()))
                            && sizesAllow(probe.shingles().length, k.shingles().length)
                            && SimHash.jaccard(probe.shingles(), k.shingles()) >= minSimilarity) {
                        first = k;
                    }
                }
            }
            Item marked = item.withDuplicateOf(first == null ? null : first.root());
            out.add(marked);
            Known self = new Known(marked.id(), marked.published(), marked.duplicateOf(), probe.text, probe.shingles);
            marked.simhashBands().forEach(key -> byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(self));
        }
        return out;
    }

    /** Items fingerprinted under an earlier scheme (spooled before an upgrade) get the current keys. */
    private static Item withCurrentKeys(Item item) {
        return item.simhashBands() != null && !MinHashLsh.isCurrent(item.simhashBands()) ? item.withFingerprint() : item;
    }

    /** Items never fingerprinted are left as they are; so are texts too short to have shingles (no keys). */
    private static boolean hasKeys(Item item) {
        return item.simhashBands() != null && !item.simhashBands().isEmpty();
    }

    /** Jaccard cannot exceed the ratio of the set sizes: a free test before the merge. */
    private boolean sizesAllow(int a, int b) {
        return a != 0 && b != 0 && Math.min(a, b) >= minSimilarity * Math.max(a, b);
    }
}
