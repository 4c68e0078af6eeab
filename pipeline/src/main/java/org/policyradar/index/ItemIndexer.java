package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import jakarta.json.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyradar.item.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items to the {@code radar-items} write alias with the bulk API and checks the response item by item:
 * documents rejected for a transient reason (429, 5xx) are retried with backoff, the rest are reported as failures
 * (temporary ones, such as a write-blocked index, for the spool to keep).
 */
public final class ItemIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(ItemIndexer.class);
    private static final int MAX_ATTEMPTS = 4;
    static final int MAX_ITEMS_PER_REQUEST = 1_000;
    static final long MAX_BYTES_PER_REQUEST = 8L << 20;

    private final ElasticsearchClient client;
    private final String alias;

    public ItemIndexer(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * Indexes the items in bulk requests of at most {@link #MAX_ITEMS_PER_REQUEST} items and about
     * {@link #MAX_BYTES_PER_REQUEST} bytes: one request for a 50,000-entry poll would pass Elasticsearch's
     * {@code http.max_content_length} (100 MB). A failure part-way leaves the earlier requests indexed; the batch is
     * replayed whole, which ids make idempotent.
     */
    public BulkOutcome index(List<Item> items) throws IOException {
        int created = 0;
        int updated = 0;
        List<BulkOutcome.Failure> failures = new ArrayList<>();
        for (List<Item> request : requests(items)) {
            BulkOutcome part = indexOneRequest(request);
            created += part.created();
            updated += part.updated();
            failures.addAll(part.failures());
        }
        return new BulkOutcome(created, updated, failures);
    }

    /** Consecutive slices of the batch, each within the count and size bounds (an oversized item goes alone). */
    static List<List<Item>> requests(List<Item> items) {
        List<List<Item>> out = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            long size = estimatedBytes(items.get(i));
            if (i > start && (i - start >= MAX_ITEMS_PER_REQUEST || bytes + size > MAX_BYTES_PER_REQUEST)) {
                out.add(items.subList(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (start < items.size()) {
            out.add(items.subList(start, items.size()));
        }
        return out;
    }

    /** An upper estimate of a document's JSON: texts twice (raw and tokens), 3 bytes a char, keys and evidence. */
    private static long estimatedBytes(Item item) {
        long chars = length(item.title()) + length(item.summary()) + length(item.text()) + length(item.titleTokens())
                + length(item.bodyTokens()) + length(item.url()) * 2L;
        return 3 * chars + 4_096;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private BulkOutcome indexOneRequest(List<Item> items) throws IOException {
        int created = 0;
        int updated = 0;
        List<BulkOutcome.Failure> failures = new ArrayList<>();
        List<Item> pending = items;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Item item : pending) {
                bulk.operations(op -> op.index(i -> i.index(alias).id(item.id()).document(item)));
            }
            BulkResponse response = client.bulk(bulk.build());
            Map<String, Item> byId = new HashMap<>();
            pending.forEach(i -> byId.put(i.id(), i));
            List<Item> retry = new ArrayList<>();
            int deferred = 0;
            String deferredReason = null;
            for (BulkResponseItem r : response.items()) {
                if (r.error() == null) {
                    if ("created".equals(r.result())) {
                        created++;
                    } else {
                        updated++;
                    }
                    continue;
                }
                Item item = byId.get(r.id());
                boolean transientFailure = r.status() == 429 || r.status() >= 500;
                if (transientFailure && attempt < MAX_ATTEMPTS) {
                    retry.add(item);
                } else {
                    String reason = r.error().type() + ": " + r.error().reason();
                    // A write block (index.blocks.write, 403) is lifted by an operator, not by waiting a second: no
                    // retry here, but the document is kept like a 429 one.
                    boolean temporary = transientFailure || "cluster_block_exception".equals(r.error().type());
                    failures.add(new BulkOutcome.Failure(r.id(), item == null ? null : item.url(), r.status(), reason, temporary));
                    if (temporary) {
                        deferred++;
                        deferredReason = r.status() + " " + reason;
                    } else {
                        LOG.warn("event=index_rejected id={} url={} status={} reason=\"{}\"", r.id(),
                                item == null ? "?" : item.url(), r.status(), reason);
                    }
                }
            }
            if (deferred > 0) { // one line per request: a blocked index refuses every document the same way
                LOG.warn("event=index_deferred items={} reason=\"{}\"", deferred, deferredReason.replace('"', '\''));
            }
            pending = retry;
            if (!pending.isEmpty()) {
                EsFailures.backOff(200L << attempt);
            }
        }
        return new BulkOutcome(created, updated, failures);
    }

    /**
     * Which of these ids are searchable now. Read from doc values only ({@code stored_fields: _none_}): reading the
     * stored {@code _id} would decompress each whole document.
     */
    public Set<String> existing(Collection<String> ids) throws IOException {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 1_000) {
            List<String> page = all.subList(from, Math.min(all.size(), from + 1_000));
            var response = client.search(s -> s.index(alias).size(page.size()).trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.ids(i -> i.values(page))).storedFields("_none_").docvalueFields(f -> f.field("id")), Void.class);
            for (var hit : response.hits().hits()) {
                var id = hit.fields().get("id");
                if (id != null) {
                    id.toJson().asJsonArray().forEach(v -> found.add(((JsonString) v).getString()));
                }
            }
        }
        return found;
    }

    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }
}
