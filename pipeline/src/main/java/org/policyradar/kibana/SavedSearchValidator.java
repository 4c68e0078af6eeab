package org.policyradar.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyradar.kibana.LiveMappings.Use;

/**
 * A saved search: its attributes, Kibana's shape, its columns, sort, query and filters against the live mapping, and
 * the query with its enabled filters run on its index as Kibana would.
 */
final class SavedSearchValidator {
    private final ElasticsearchClient client;
    private final LiveMappings mappings;

    SavedSearchValidator(ElasticsearchClient client, LiveMappings mappings) {
        this.client = client;
        this.mappings = mappings;
    }

    void check(ObjectCheck c, List<KibanaValidator.SearchCheck> checks) {
        if (!c.require("/title", "/columns", "/sort", "/kibanaSavedObjectMeta/searchSourceJSON")) {
            return;
        }
        JsonNode source;
        try {
            source = SavedObjects.JSON.readTree(c.attributes.at("/kibanaSavedObjectMeta/searchSourceJSON").asText());
        } catch (IOException e) {
            c.problem("kibanaSavedObjectMeta.searchSourceJSON is not JSON: " + e.getMessage());
            return;
        }
        KibanaShapeRules.savedSearch(source).forEach(c::problem);
        String refName = source.path("indexRefName").asText("");
        if (refName.isEmpty()) {
            c.problem("searchSourceJSON has no indexRefName");
            return;
        }
        Optional<ObjectNode> dv = c.dataView(refName, "searchSourceJSON.indexRefName");
        if (dv.isEmpty()) {
            return;
        }
        String index = dv.get().path("attributes").path("title").asText();
        Optional<Map<String, String>> found = mappings.require(c, "", index);
        if (found.isEmpty()) {
            return;
        }
        Map<String, String> mapping = found.get();
        for (JsonNode col : c.attributes.path("columns")) {
            LiveMappings.checkField(c, mapping, index, col.asText(), "column", Use.ANY);
        }
        for (JsonNode sort : c.attributes.path("sort")) {
            LiveMappings.checkField(c, mapping, index, sort.path(0).asText(), "sort", Use.SORT);
        }
        int before = c.problemCount();
        LiveMappings.checkQueryFields(c, mapping, index, source.path("query"), "query");
        List<JsonNode> filterQueries = new ArrayList<>();
        List<JsonNode> negatedQueries = new ArrayList<>();
        JsonNode filters = source.path("filter");
        for (int i = 0; i < filters.size(); i++) {
            JsonNode f = filters.get(i);
            String fw = "filter[" + i + "]";
            String ref = f.path("meta").path("indexRefName").asText("");
            if (!ref.isEmpty()) {
                c.dataView(ref, fw);
            }
            String key = f.path("meta").path("key").asText("");
            if (!key.isEmpty()) {
                LiveMappings.checkField(c, mapping, index, key, fw, Use.TERMS);
            }
            if (!f.path("query").isObject()) {
                c.problem(fw + ": no query");
            } else if (!f.path("meta").path("disabled").asBoolean(false)) {
                (f.path("meta").path("negate").asBoolean(false) ? negatedQueries : filterQueries).add(f.path("query"));
            }
        }
        if (c.problemCount() > before) {
            return; // running it would only fail on the same fields
        }
        try {
            checks.add(new KibanaValidator.SearchCheck(c.id, index, runSearch(index, source.path("query"), filterQueries,
                    negatedQueries)));
        } catch (Exception e) {
            c.problem("the search's query and filters do not run on '" + index + "': " + e.getMessage());
        }
    }

    /** Runs a saved search as Kibana would: its query (KQL or Lucene) and enabled filters; the number of hits. */
    private long runSearch(String index, JsonNode query, List<JsonNode> filters, List<JsonNode> negated) throws IOException {
        ObjectNode body = SavedObjects.JSON.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        ObjectNode bool = body.putObject("query").putObject("bool");
        String text = query.path("query").asText("");
        boolean lucene = query.path("language").asText("kuery").equals("lucene");
        if (lucene && !text.isBlank()) {
            bool.putArray("must").addObject().putObject("query_string").put("query", text);
        } else {
            bool.putArray("must").add(Kql.toQuery(text));
        }
        filters.forEach(bool.putArray("filter")::add);
        negated.forEach(bool.putArray("must_not")::add);
        String json = SavedObjects.JSON.writeValueAsString(body);
        SearchResponse<Void> response = client.search(s -> s.index(index).withJson(new StringReader(json)), Void.class);
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }
}
