package org.policyradar.reclassify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.policyradar.index.EsFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a page's new classifications as bulk partial updates, each conditional on the sequence number it was read
 * at: an item the ingestion rewrote meanwhile answers 409 and keeps what the ingestion wrote (it was classified then,
 * by the running classifier). 429 and 5xx are retried with backoff; anything else is a named failure.
 */
final class PageWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PageWriter.class);
    private static final int MAX_ATTEMPTS = 4;

    private final ElasticsearchClient client;
    private final ObjectMapper json;

    PageWriter(ElasticsearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    PageOutcome write(List<Classified> page, List<String> lastSort) throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, StoredItemUpdate> pending = new HashMap<>();
        Map<String, JsonNode> docs = new HashMap<>();
        for (Classified c : page) {
            if (c.update() == null) {
                failures.add(c.failure());
                LOG.warn("event=reclassify_failed id={} reason=\"{}\"", c.hit().id(), c.failure().replace('"', '\''));
            } else {
                pending.put(c.update().id(), c.update());
                docs.put(c.update().id(), c.update().partialDocument(json, c.hit().source()));
            }
        }
        int changed = 0;
        int conflicts = 0;
        Map<String, Long> added = new TreeMap<>();
        Map<String, Long> removed = new TreeMap<>();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (StoredItemUpdate u : pending.values()) {
                JsonNode doc = docs.get(u.id());
                bulk.operations(op -> op.update(up -> up.index(u.index()).id(u.id()).ifSeqNo(u.seqNo()).ifPrimaryTerm(u.primaryTerm())
                        .action(a -> a.doc(doc))));
            }
            BulkResponse response = client.bulk(bulk.build());
            Map<String, StoredItemUpdate> retry = new HashMap<>();
            for (BulkResponseItem r : response.items()) {
                StoredItemUpdate u = pending.get(r.id());
                if (r.error() == null) {
                    if (u.topicsChanged()) {
                        changed++;
                        u.added().forEach(t -> added.merge(t, 1L, Long::sum));
                        u.removed().forEach(t -> removed.merge(t, 1L, Long::sum));
                    }
                } else if (r.status() == 409) {
                    conflicts++;
                } else if (EsFailures.isTransientStatus(r.status()) && attempt < MAX_ATTEMPTS) {
                    retry.put(r.id(), u);
                } else {
                    String reason = r.id() + ": HTTP " + r.status() + " " + r.error().type() + ": " + r.error().reason();
                    failures.add(reason);
                    LOG.warn("event=reclassify_failed id={} reason=\"{}\"", r.id(), reason.replace('"', '\''));
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                EsFailures.backOff(200L << attempt);
            }
        }
        return new PageOutcome(page.size(), changed, conflicts, failures.size(), failures, added, removed, lastSort);
    }
}
