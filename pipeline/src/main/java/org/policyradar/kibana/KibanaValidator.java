package org.policyradar.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Kibana saved-objects export against the live Elasticsearch: every line parses, each object has the
 * attributes its type needs, every reference resolves within the file ({@link ObjectCheck}), every field a
 * visualization or saved search names exists in the index mapping with a type that fits its use ({@link LiveMappings}),
 * each object has the shape Kibana itself builds ({@link KibanaShapeRules}), each Lens layer's aggregation returns
 * buckets ({@link LensValidator}) and each saved search runs ({@link SavedSearchValidator}).
 */
public final class KibanaValidator {
    static final Set<String> TYPES = Set.of("index-pattern", "lens", "search", "dashboard");

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

    private final LiveMappings mappings;
    private final LensValidator lenses;
    private final SavedSearchValidator searches;

    public KibanaValidator(ElasticsearchClient client) {
        this.mappings = new LiveMappings(client);
        this.lenses = new LensValidator(client, mappings);
        this.searches = new SavedSearchValidator(client, mappings);
    }

    public Report validate(SavedObjects file) {
        List<Problem> problems = new ArrayList<>();
        List<LayerCheck> layerChecks = new ArrayList<>();
        List<SearchCheck> searchChecks = new ArrayList<>();
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
            ObjectCheck c = new ObjectCheck(o, byKey, problems);
            c.checkReferences();
            switch (c.type) {
                case "index-pattern" -> checkDataView(c);
                case "lens" -> lenses.check(c, layerChecks);
                case "search" -> searches.check(c, searchChecks);
                case "dashboard" -> checkDashboard(c);
                default -> { }
            }
        }
        return new Report(problems, layerChecks, searchChecks, file.lines().size());
    }

    private void checkDataView(ObjectCheck c) {
        if (!c.require("/title", "/timeFieldName", "/name")) {
            return;
        }
        String index = c.attributes.path("title").asText();
        Optional<Map<String, String>> mapping = mappings.of(index);
        if (mapping.isEmpty()) {
            c.problem("index or alias '" + index + "' cannot be read: " + mappings.error(index));
            return;
        }
        LiveMappings.checkField(c, mapping.get(), index, c.attributes.path("timeFieldName").asText(), "timeFieldName",
                LiveMappings.Use.DATE);
    }

    private static void checkDashboard(ObjectCheck c) {
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
}
