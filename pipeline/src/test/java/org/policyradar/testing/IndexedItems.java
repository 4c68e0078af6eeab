package org.policyradar.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;

/** What a test run indexed: the items of one source in the real test Elasticsearch, by URL, after a refresh. */
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

    /** The same, over a connection of its own to the test JVM's Elasticsearch. */
    public static Map<String, JsonNode> ofSource(String sourceId) throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            return byUrl(es.client(), sourceId);
        }
    }

    public static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
