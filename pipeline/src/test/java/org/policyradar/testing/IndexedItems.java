package org.policyradar.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The items of one source as stored in the real test Elasticsearch, by URL. */
public final class IndexedItems {
    private IndexedItems() {
    }

    public static Map<String, JsonNode> byUrl(ElasticsearchClient client, String sourceId) throws IOException {
        client.indices().refresh(r -> r.index("radar-items"));
        SearchResponse<JsonNode> r = client.search(s -> s.index("radar-items").size(1000)
                .query(q -> q.term(t -> t.field("source.id").value(sourceId))), JsonNode.class);
        Map<String, JsonNode> out = new HashMap<>();
        r.hits().hits().forEach(h -> out.put(h.source().path("url").asText(), h.source()));
        return out;
    }

    public static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
