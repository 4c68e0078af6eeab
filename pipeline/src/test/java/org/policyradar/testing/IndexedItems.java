package org.policyradar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;

/** What a test run indexed: the items of one source in the test Elasticsearch, by URL, after a refresh. */
public final class IndexedItems {
    private IndexedItems() {
    }

    public static Map<String, JsonNode> ofSource(String sourceId) throws IOException {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            es.client().indices().refresh(r -> r.index("radar-items"));
            var r = es.client().search(s -> s.index("radar-items").size(100)
                    .query(q -> q.term(t -> t.field("source.id").value(sourceId))), JsonNode.class);
            Map<String, JsonNode> byUrl = new HashMap<>();
            r.hits().hits().forEach(h -> byUrl.put(h.source().path("url").asText(), h.source()));
            return byUrl;
        }
    }
}
