package org.policyradar.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.PropertyBase;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Kibana saved-objects export against the live Elasticsearch: every line parses, each object has the
 * attributes its type needs, every reference resolves within the file, every field a visualization or saved search
 * names exists in the index mapping with a type that fits its use, each object has the shape Kibana itself builds
 * ({@link KibanaShapeRules}), and each Lens layer's aggregation, run on the index, returns buckets.
 */
public final class KibanaValidator {
    static final Set<String> TYPES = Set.of("index-pattern", "lens", "search", "dashboard");
    static final Set<String> LENS_TYPES = Set.of("lnsXY", "lnsDatatable", "lnsMetric", "lnsPie", "lnsGauge", "lnsHeatmap",
            "lnsTagcloud");
    static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float", "half_float",
            "scaled_float", "unsigned_long");
    private static final Pattern QUOTED = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@-]*)\\s*(?::|>=|<=|>|<)");

    /** Something wrong with one saved object. */
    public record Problem(String type, String id, String message) {
        @Override
        public String toString() {
            return type + " " + id + ": " + message;
        }
    }

    /** One Lens layer's aggregation run on its index: how many top-level buckets (or hits, for metric-only layers). */
    public record LayerCheck(String lensId, String layerId, String index, long buckets) {
    }

    /** One saved search's query and filters run on its index: how many documents match. */
    public record SearchCheck(String searchId, String index, long hits) {
    }

    /** All problems, the data check of every Lens layer and the run of every saved search that could be run. */
    public record Report(List<Problem> problems, List<LayerCheck> layers, List<SearchCheck> searches, int objects) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public List<LayerCheck> emptyLayers() {
            return layers.stream().filter(l -> l.buckets() == 0).toList();
        }
    }

    private final ElasticsearchClient client;
    private final Map<String, Optional<Map<String, String>>> mappings = new HashMap<>();
    private final Map<String, String> mappingErrors = new HashMap<>();

    public KibanaValidator(ElasticsearchClient client) {
        this.client = client;
    }

    public Report validate(SavedObjects file) {
        List<Problem> problems = new ArrayList<>();
        List<LayerCheck> layers = new ArrayList<>();
        List<SearchCheck> searches = new ArrayList<>();
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (SavedObjects.Line line : file.lines()) {
            if (line.object() == null) {
                problems.add(new Problem("?", "line " + line.number(), line.parseError()));
                continue;
            }
            ObjectNode o = line.object();
            String key = line.type() + "/" + line.id();
            if (!o.path("id").isTextual() || o.path("id").asText().isBlank()) {
                problems.add(new Problem(line.type(), line.id(), "line " + line.number() + ": no id"));
            }
            if (!TYPES.contains(line.type())) {
                problems.add(new Problem(line.type(), line.id(), "unsupported type '" + line.type() + "'"));
            }
            if (!o.path("attributes").isObject()) {
                problems.add(new Problem(line.type(), line.id(), "no attributes object"));
            }
            if (!o.path("references").isArray()) {
                problems.add(new Problem(line.type(), line.id(), "no references array"));
            }
            if (byKey.put(key, o) != null) {
                problems.add(new Problem(line.type(), line.id(), "duplicate id for type " + line.type()));
            }
        }
        for (ObjectNode o : byKey.values()) {
            Ctx c = new Ctx(o, byKey, problems);
            checkReferences(c);
            switch (c.type) {
                case "index-pattern" -> checkDataView(c);
                case "lens" -> checkLens(c, layers);
                case "search" -> checkSearch(c, searches);
                case "dashboard" -> checkDashboard(c);
                default -> { }
            }
        }
        return new Report(problems, layers, searches, file.lines().size());
    }

    /** One object being checked, with the whole set for resolving references. */
    private static final class Ctx {
        final ObjectNode object;
        final String type;
        final String id;
        final JsonNode attributes;
        final Map<String, ObjectNode> all;
        final List<Problem> problems;

        Ctx(ObjectNode object, Map<String, ObjectNode> all, List<Problem> problems) {
            this.object = object;
            this.type = object.path("type").asText("?");
            this.id = object.path("id").asText("?");
            this.attributes = object.path("attributes");
            this.all = all;
            this.problems = problems;
        }

        void problem(String message) {
            problems.add(new Problem(type, id, message));
        }

        boolean require(String... paths) {
            boolean ok = true;
            for (String p : paths) {
                JsonNode n = attributes.at(p);
                if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank() && !p.equals("/description"))) {
                    problem("missing attribute " + p.substring(1).replace('/', '.'));
                    ok = false;
                }
            }
            return ok;
        }

        /** The reference with this name, when it exists. */
        Optional<JsonNode> reference(String name) {
            for (JsonNode r : object.path("references")) {
                if (name.equals(r.path("name").asText())) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        /** The data view a named reference points at, with a problem recorded when it does not. */
        Optional<ObjectNode> dataView(String refName, String what) {
            Optional<JsonNode> ref = reference(refName);
            if (ref.isEmpty()) {
                problem(what + ": no reference named '" + refName + "'");
                return Optional.empty();
            }
            if (!"index-pattern".equals(ref.get().path("type").asText())) {
                problem(what + ": reference '" + refName + "' is not to an index-pattern");
                return Optional.empty();
            }
            return Optional.ofNullable(all.get("index-pattern/" + ref.get().path("id").asText()));
        }
    }

    private void checkReferences(Ctx c) {
        Set<String> names = new HashSet<>();
        for (JsonNode r : c.object.path("references")) {
            String type = r.path("type").asText("");
            String id = r.path("id").asText("");
            String name = r.path("name").asText("");
            if (type.isEmpty() || id.isEmpty() || name.isEmpty()) {
                c.problem("reference without type, id or name: " + r);
                continue;
            }
            if (!names.add(name)) {
                c.problem("two references named '" + name + "'");
            }
            if (!c.all.containsKey(type + "/" + id)) {
                c.problem("reference '" + name + "' points at " + type + " '" + id + "', which is not in the file");
            }
        }
    }

    private void checkDataView(Ctx c) {
        if (!c.require("/title", "/timeFieldName", "/name")) {
            return;
        }
        String index = c.attributes.path("title").asText();
        Optional<Map<String, String>> mapping = mapping(index);
        if (mapping.isEmpty()) {
            c.problem("index or alias '" + index + "' cannot be read: " + mappingErrors.get(index));
            return;
        }
        checkField(c, mapping.get(), index, c.attributes.path("timeFieldName").asText(), "timeFieldName", Use.DATE);
    }

    private enum Use {
        ANY, TERMS, DATE, NUMERIC, NUMERIC_OR_DATE, SORT
    }

    private static boolean fits(Use use, String type) {
        return switch (use) {
            case ANY -> true;
            case TERMS -> type.equals("keyword") || type.equals("constant_keyword") || type.equals("boolean")
                    || type.equals("ip") || NUMERIC.contains(type);
            case DATE -> type.equals("date") || type.equals("date_nanos");
            case NUMERIC -> NUMERIC.contains(type);
            case NUMERIC_OR_DATE -> NUMERIC.contains(type) || type.equals("date") || type.equals("date_nanos");
            case SORT -> fits(Use.TERMS, type) || fits(Use.DATE, type);
        };
    }

    private static boolean checkField(Ctx c, Map<String, String> mapping, String index, String field, String what, Use use) {
        String type = mapping.get(field);
        if (type == null) {
            c.problem(what + ": field '" + field + "' does not exist in the mapping of '" + index + "'");
            return false;
        }
        if (!fits(use, type)) {
            c.problem(what + ": field '" + field + "' is " + type + " in '" + index + "', which does not fit "
                    + use.name().toLowerCase().replace('_', ' ') + " ("
                    + switch (use) {
                        case TERMS -> "needs keyword, boolean or numeric";
                        case DATE -> "needs date";
                        case NUMERIC -> "needs numeric";
                        case NUMERIC_OR_DATE -> "needs numeric or date";
                        case SORT -> "needs keyword, boolean, numeric or date";
                        case ANY -> "";
                    } + ")");
            return false;
        }
        return true;
    }

    private void checkQueryFields(Ctx c, Map<String, String> mapping, String index, JsonNode query, String what) {
        if (!query.path("language").asText("kuery").equals("kuery") && !query.path("language").asText().equals("lucene")) {
            c.problem(what + ": unsupported query language " + query.path("language"));
            return;
        }
        for (String field : kqlFields(query.path("query").asText(""))) {
            checkField(c, mapping, index, field, what, Use.ANY);
        }
    }

    static List<String> kqlFields(String kql) {
        Matcher m = KQL_FIELD.matcher(QUOTED.matcher(kql).replaceAll("\"\""));
        List<String> fields = new ArrayList<>();
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    /** The simple KQL the export uses ({@code field : "value"}, {@code field > n}, and/or/not) as Lucene query_string. */
    static String kqlToLucene(String kql) {
        String s = kql.replaceAll("([\\w.@-]+)\\s*(>=|<=|>|<)\\s*", "$1:$2");
        s = s.replaceAll("([\\w.@-]+)\\s*:\\s*", "$1:");
        Matcher m = Pattern.compile("(?i)\\b(and|or|not)\\b").matcher(s);
        return m.replaceAll(r -> r.group(1).toUpperCase());
    }

    private void checkLens(Ctx c, List<LayerCheck> checks) {
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
            String layerId = layer.getKey();
            String what = "layer " + layerId;
            Optional<ObjectNode> dv = c.dataView("indexpattern-datasource-layer-" + layerId, what);
            JsonNode columns = layer.getValue().path("columns");
            JsonNode order = layer.getValue().path("columnOrder");
            if (!columns.isObject() || columns.isEmpty() || !order.isArray()) {
                c.problem(what + ": no columns or no columnOrder");
                continue;
            }
            for (JsonNode col : order) {
                if (!columns.has(col.asText())) {
                    c.problem(what + ": columnOrder names column '" + col.asText() + "', which is not in columns");
                }
            }
            if (dv.isEmpty()) {
                continue;
            }
            String index = dv.get().path("attributes").path("title").asText();
            Optional<Map<String, String>> mapping = mapping(index);
            if (mapping.isEmpty()) {
                c.problem(what + ": index '" + index + "' cannot be read: " + mappingErrors.get(index));
                continue;
            }
            int before = c.problems.size();
            List<String> bucketCols = new ArrayList<>();
            List<String> metricCols = new ArrayList<>();
            for (JsonNode idNode : order) {
                String colId = idNode.asText();
                JsonNode col = columns.path(colId);
                String op = col.path("operationType").asText("");
                String field = col.path("sourceField").asText("");
                String cw = what + " column '" + colId + "' (" + op + ")";
                switch (op) {
                    case "date_histogram" -> { checkField(c, mapping.get(), index, field, cw, Use.DATE); bucketCols.add(colId); }
                    case "terms" -> { checkField(c, mapping.get(), index, field, cw, Use.TERMS); bucketCols.add(colId); }
                    case "count" -> metricCols.add(colId);
                    case "max", "min", "sum", "average", "median" -> {
                        checkField(c, mapping.get(), index, field, cw, op.equals("max") || op.equals("min") ? Use.NUMERIC_OR_DATE
                                : Use.NUMERIC);
                        metricCols.add(colId);
                    }
                    case "unique_count", "last_value" -> { checkField(c, mapping.get(), index, field, cw, Use.SORT); metricCols.add(colId); }
                    default -> c.problem(cw + ": operation '" + op + "' is not supported by the validator");
                }
            }
            checkQueryFields(c, mapping.get(), index, c.attributes.at("/state/query"), "query");
            if (c.problems.size() > before) {
                continue; // the aggregation would only fail on the same fields
            }
            try {
                checks.add(new LayerCheck(c.id, layerId, index, runLayer(index, columns, bucketCols, metricCols,
                        c.attributes.at("/state/query/query").asText(""))));
            } catch (Exception e) {
                c.problem(what + ": the layer's aggregation failed on '" + index + "': " + e.getMessage());
            }
        }
    }

    private static void checkAccessors(Ctx c, String vt, Set<String> columns) {
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
        if (kql.isBlank()) {
            body.putObject("query").putObject("match_all");
        } else {
            body.putObject("query").putObject("query_string").put("query", kqlToLucene(kql));
        }
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

    private void checkSearch(Ctx c, List<SearchCheck> checks) {
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
        Optional<Map<String, String>> mapping = mapping(index);
        if (mapping.isEmpty()) {
            c.problem("index '" + index + "' cannot be read: " + mappingErrors.get(index));
            return;
        }
        for (JsonNode col : c.attributes.path("columns")) {
            checkField(c, mapping.get(), index, col.asText(), "column", Use.ANY);
        }
        for (JsonNode sort : c.attributes.path("sort")) {
            checkField(c, mapping.get(), index, sort.path(0).asText(), "sort", Use.SORT);
        }
        int before = c.problems.size();
        checkQueryFields(c, mapping.get(), index, source.path("query"), "query");
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
                checkField(c, mapping.get(), index, key, fw, Use.TERMS);
            }
            if (!f.path("query").isObject()) {
                c.problem(fw + ": no query");
            } else if (!f.path("meta").path("disabled").asBoolean(false)) {
                (f.path("meta").path("negate").asBoolean(false) ? negatedQueries : filterQueries).add(f.path("query"));
            }
        }
        if (c.problems.size() > before) {
            return; // running it would only fail on the same fields
        }
        try {
            checks.add(new SearchCheck(c.id, index, runSearch(index, source.path("query"), filterQueries, negatedQueries)));
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
        if (text.isBlank()) {
            bool.putArray("must").addObject().putObject("match_all");
        } else {
            boolean lucene = query.path("language").asText("kuery").equals("lucene");
            bool.putArray("must").addObject().putObject("query_string").put("query", lucene ? text : kqlToLucene(text));
        }
        filters.forEach(bool.putArray("filter")::add);
        negated.forEach(bool.putArray("must_not")::add);
        String json = SavedObjects.JSON.writeValueAsString(body);
        SearchResponse<Void> response = client.search(s -> s.index(index).withJson(new StringReader(json)), Void.class);
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }

    private void checkDashboard(Ctx c) {
        if (!c.require("/title", "/panelsJSON", "/optionsJSON", "/kibanaSavedObjectMeta/searchSourceJSON")) {
            return;
        }
        JsonNode panels;
        try {
            panels = SavedObjects.JSON.readTree(c.attributes.path("panelsJSON").asText());
            SavedObjects.JSON.readTree(c.attributes.path("optionsJSON").asText());
            SavedObjects.JSON.readTree(c.attributes.at("/kibanaSavedObjectMeta/searchSourceJSON").asText());
        } catch (IOException e) {
            c.problem("panelsJSON, optionsJSON or searchSourceJSON is not JSON: " + e.getMessage());
            return;
        }
        if (!(panels instanceof ArrayNode) || panels.isEmpty()) {
            c.problem("panelsJSON has no panels");
            return;
        }
        for (JsonNode p : panels) {
            String index = p.path("panelIndex").asText("");
            String refName = p.path("panelRefName").asText("");
            if (index.isEmpty() || refName.isEmpty() || !p.path("gridData").isObject()) {
                c.problem("panel " + p + " lacks panelIndex, panelRefName or gridData");
                continue;
            }
            KibanaShapeRules.dashboardPanel(p).forEach(c::problem);
            Optional<JsonNode> ref = c.reference(index + ":" + refName).or(() -> c.reference(refName));
            if (ref.isEmpty()) {
                c.problem("panel " + index + ": no reference named '" + index + ":" + refName + "'");
            } else if (!ref.get().path("type").asText().equals(p.path("type").asText())) {
                c.problem("panel " + index + " is of type " + p.path("type").asText() + " but its reference is to a "
                        + ref.get().path("type").asText());
            }
        }
    }

    /** The live mapping of an index or alias, flattened to dotted field name → type (multi-fields included). */
    Optional<Map<String, String>> mapping(String index) {
        return mappings.computeIfAbsent(index, i -> {
            try {
                Map<String, String> fields = new TreeMap<>();
                client.indices().getMapping(g -> g.index(i)).mappings()
                        .values().forEach(r -> flatten("", r.mappings().properties(), fields));
                return Optional.of(fields);
            } catch (Exception e) {
                mappingErrors.put(i, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static void flatten(String prefix, Map<String, Property> properties, Map<String, String> into) {
        for (Map.Entry<String, Property> e : properties.entrySet()) {
            String name = prefix + e.getKey();
            Property p = e.getValue();
            into.put(name, p._kind().jsonValue());
            if (p._get() instanceof PropertyBase base) {
                flatten(name + ".", base.properties(), into);
                flatten(name + ".", base.fields(), into);
            }
        }
    }
}
