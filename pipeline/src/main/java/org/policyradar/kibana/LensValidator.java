package org.policyradar.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policyradar.kibana.LiveMappings.Use;

/**
 * A Lens visualization: its attributes, Kibana's shape, the columns its visualization names, each layer's fields
 * against the live mapping, and each layer's aggregation run on its index.
 */
final class LensValidator {
    static final Set<String> LENS_TYPES = Set.of("lnsXY", "lnsDatatable", "lnsMetric", "lnsPie", "lnsGauge", "lnsHeatmap",
            "lnsTagcloud");

    private final ElasticsearchClient client;
    private final LiveMappings mappings;

    LensValidator(ElasticsearchClient client, LiveMappings mappings) {
        this.client = client;
        this.mappings = mappings;
    }

    void check(ObjectCheck c, List<KibanaValidator.LayerCheck> checks) {
        if (!c.require("/title", "/visualizationType", "/state/visualization", "/state/query", "/state/datasourceStates/formBased/layers")) {
            return;
        }
        String vt = c.attributes.path("visualizationType").asText();
        if (!LENS_TYPES.contains(vt)) {
            c.problem("unknown visualizationType '" + vt + "'");
        }
        JsonNode layers = c.attributes.at("/state/datasourceStates/formBased/layers");
        if (!layers.isObject() || layers.isEmpty()) {
            c.problem("state.datasourceStates.formBased.layers is empty");
            return;
        }
        KibanaShapeRules.lens(c.attributes).forEach(c::problem);
        Set<String> allColumns = new HashSet<>();
        for (Map.Entry<String, JsonNode> layer : layers.properties()) {
            layer.getValue().path("columns").fieldNames().forEachRemaining(allColumns::add);
        }
        checkAccessors(c, vt, allColumns);
        for (Map.Entry<String, JsonNode> layer : layers.properties()) {
            checkLayer(c, layer.getKey(), layer.getValue(), checks);
        }
    }

    private void checkLayer(ObjectCheck c, String layerId, JsonNode layer, List<KibanaValidator.LayerCheck> checks) {
        String what = "layer " + layerId;
        Optional<ObjectNode> dv = c.dataView("indexpattern-datasource-layer-" + layerId, what);
        JsonNode columns = layer.path("columns");
        JsonNode order = layer.path("columnOrder");
        if (!columns.isObject() || columns.isEmpty() || !order.isArray()) {
            c.problem(what + ": no columns or no columnOrder");
            return;
        }
        for (JsonNode col : order) {
            if (!columns.has(col.asText())) {
                c.problem(what + ": columnOrder names column '" + col.asText() + "', which is not in columns");
            }
        }
        if (dv.isEmpty()) {
            return;
        }
        String index = dv.get().path("attributes").path("title").asText();
        Optional<Map<String, String>> mapping = mappings.require(c, what + ": ", index);
        if (mapping.isEmpty()) {
            return;
        }
        int before = c.problemCount();
        List<String> bucketCols = new ArrayList<>();
        List<String> metricCols = new ArrayList<>();
        for (JsonNode idNode : order) {
            String colId = idNode.asText();
            JsonNode col = columns.path(colId);
            String op = col.path("operationType").asText("");
            String field = col.path("sourceField").asText("");
            String cw = what + " column '" + colId + "' (" + op + ")";
            Map<String, String> m = mapping.get();
            switch (op) {
                case "date_histogram" -> { LiveMappings.checkField(c, m, index, field, cw, Use.DATE); bucketCols.add(colId); }
                case "terms" -> { LiveMappings.checkField(c, m, index, field, cw, Use.TERMS); bucketCols.add(colId); }
                case "count" -> metricCols.add(colId);
                case "max", "min", "sum", "average", "median" -> {
                    LiveMappings.checkField(c, m, index, field, cw, op.equals("max") || op.equals("min") ? Use.NUMERIC_OR_DATE
                            : Use.NUMERIC);
                    metricCols.add(colId);
                }
                case "unique_count", "last_value" -> { LiveMappings.checkField(c, m, index, field, cw, Use.SORT); metricCols.add(colId); }
                default -> c.problem(cw + ": operation '" + op + "' is not supported by the validator");
            }
        }
        LiveMappings.checkQueryFields(c, mapping.get(), index, c.attributes.at("/state/query"), "query");
        if (c.problemCount() > before) {
            return; // the aggregation would only fail on the same fields
        }
        try {
            checks.add(new KibanaValidator.LayerCheck(c.id, layerId, index, runLayer(index, columns, bucketCols, metricCols,
                    c.attributes.at("/state/query/query").asText(""))));
        } catch (Exception e) {
            c.problem(what + ": the layer's aggregation failed on '" + index + "': " + e.getMessage());
        }
    }

    private static void checkAccessors(ObjectCheck c, String vt, Set<String> columns) {
        JsonNode vis = c.attributes.at("/state/visualization");
        List<String> named = new ArrayList<>();
        switch (vt) {
            case "lnsXY" -> {
                for (JsonNode l : vis.path("layers")) {
                    if (l.hasNonNull("xAccessor")) named.add(l.path("xAccessor").asText());
                    if (l.hasNonNull("splitAccessor")) named.add(l.path("splitAccessor").asText());
                    l.path("accessors").forEach(a -> named.add(a.asText()));
                }
            }
            case "lnsDatatable" -> vis.path("columns").forEach(col -> named.add(col.path("columnId").asText()));
            case "lnsMetric" -> named.add(vis.path("metricAccessor").asText());
            default -> { }
        }
        for (String n : named) {
            if (!columns.contains(n)) {
                c.problem("visualization names column '" + n + "', which no layer defines");
            }
        }
    }

    /** Runs the layer as nested aggregations; the count of top-level buckets with documents, or hits if it has none. */
    private long runLayer(String index, JsonNode columns, List<String> bucketCols, List<String> metricCols, String kql)
            throws IOException {
        ObjectNode body = SavedObjects.JSON.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.set("query", Kql.toQuery(kql));
        ObjectNode level = body;
        for (int i = 0; i < bucketCols.size(); i++) {
            JsonNode col = columns.path(bucketCols.get(i));
            ObjectNode agg = level.putObject("aggs").putObject("c" + i);
            String field = col.path("sourceField").asText();
            if (col.path("operationType").asText().equals("date_histogram")) {
                agg.putObject("date_histogram").put("field", field).put("calendar_interval", "1d").put("min_doc_count", 1);
            } else {
                agg.putObject("terms").put("field", field).put("size", col.path("params").path("size").asInt(10));
            }
            level = agg;
        }
        ObjectNode metrics = null;
        for (String m : metricCols) {
            JsonNode col = columns.path(m);
            String op = col.path("operationType").asText();
            String es = switch (op) {
                case "max", "min", "sum" -> op;
                case "average" -> "avg";
                case "median" -> "percentiles";
                case "unique_count" -> "cardinality";
                default -> null;
            };
            if (es == null) {
                continue;
            }
            if (metrics == null) {
                metrics = level.withObject("/aggs");
            }
            metrics.putObject("m_" + m).putObject(es).put("field", col.path("sourceField").asText());
        }
        String json = SavedObjects.JSON.writeValueAsString(body);
        SearchResponse<Void> response = client.search(s -> s.index(index).withJson(new StringReader(json)), Void.class);
        if (bucketCols.isEmpty()) {
            return response.hits().total() == null ? 0 : response.hits().total().value();
        }
        return buckets(response.aggregations().get("c0"));
    }

    static long buckets(Aggregate a) {
        if (a == null) {
            return 0;
        }
        return switch (a._kind()) {
            case Sterms -> a.sterms().buckets().array().stream().filter(b -> b.docCount() > 0).count();
            case Lterms -> a.lterms().buckets().array().stream().filter(b -> b.docCount() > 0).count();
            case Dterms -> a.dterms().buckets().array().stream().filter(b -> b.docCount() > 0).count();
            case DateHistogram -> a.dateHistogram().buckets().array().stream().filter(b -> b.docCount() > 0).count();
            default -> 0;
        };
    }
}
