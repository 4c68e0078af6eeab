package org.policyradar.reclassify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the scope's items page by page over one point in time, sorted by {@code id} (unique, with doc values): a
 * page's last sort values say where the next one starts, in this run and in a resumed one. Items updated by the run
 * do not come back, since the point in time does not see writes made after it was opened.
 */
final class PageReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);

    private final ElasticsearchClient client;
    private final Query query;
    private final String keepAlive;
    private volatile String pit;

    PageReader(ElasticsearchClient client, String pit, Query query, String keepAlive) {
        this.client = client;
        this.pit = pit;
        this.query = query;
        this.keepAlive = keepAlive;
    }

    Page read(List<String> after, int size) throws IOException {
        String pitId = pit;
        SearchResponse<JsonNode> response = client.search(s -> {
            s.pit(p -> p.id(pitId).keepAlive(k -> k.time(keepAlive))).size(size)
                    .sort(so -> so.field(f -> f.field("id").order(SortOrder.Asc)))
                    .trackTotalHits(t -> t.enabled(false))
                    .seqNoPrimaryTerm(true)
                    .query(query)
                    .source(src -> src.filter(f -> f.includes(StoredItemUpdate.SOURCE_FIELDS)));
            return after.isEmpty() ? s : s.searchAfter(Reclassifier.sortValues(after));
        }, JsonNode.class);
        if (response.pitId() != null) {
            pit = response.pitId();
        }
        return new Page(response.hits().hits());
    }

    @Override
    public void close() {
        try {
            String pitId = pit;
            client.closePointInTime(c -> c.id(pitId));
        } catch (IOException | RuntimeException e) { // it expires by itself after the keep-alive
            LOG.warn("event=reclassify_pit_not_closed reason=\"{}\"", String.valueOf(e.getMessage()).replace('"', '\''));
        }
    }
}
