package org.policyradar.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shapes Kibana itself builds, which an import accepts without them but then renders differently: read from
 * Kibana's source (Lens operations, the dashboard's reference extraction, Discover's saved search). Each rule names
 * what Kibana would show instead.
 */
final class KibanaShapeRules {
    private KibanaShapeRules() {
    }

    /** Lens: our labels shown, the breakdown before the date histogram, max/min with Kibana's scale. */
    static List<String> lens(JsonNode attributes) {
        List<String> problems = new ArrayList<>();
        JsonNode layers = attributes.at("/state/datasourceStates/formBased/layers");
        for (Map.Entry<String, JsonNode> layer : layers.properties()) {
            String what = "layer " + layer.getKey();
            JsonNode columns = layer.getValue().path("columns");
            for (Map.Entry<String, JsonNode> col : columns.properties()) {
                JsonNode c = col.getValue();
                String cw = what + " column '" + col.getKey() + "'";
                if (!c.path("customLabel").asBoolean(false) || c.path("label").asText("").isBlank()) {
                    problems.add(cw + ": customLabel is not true, so Kibana shows its default name (\"Count of records\", "
                            + "\"Top 10 values of …\") instead of '" + c.path("label").asText("") + "'; set customLabel: true");
                }
                String op = c.path("operationType").asText("");
                if ((op.equals("max") || op.equals("min")) && !c.path("scale").asText("").equals("ratio")) {
                    problems.add(cw + " (" + op + "): scale is '" + c.path("scale").asText("") + "'; Kibana builds " + op
                            + " columns with scale 'ratio'");
                }
            }
            int firstDate = -1;
            int index = 0;
            for (JsonNode id : layer.getValue().path("columnOrder")) {
                String op = columns.path(id.asText()).path("operationType").asText("");
                if (op.equals("date_histogram") && firstDate < 0) {
                    firstDate = index;
                } else if (op.equals("terms") && firstDate >= 0) {
                    problems.add(what + ": terms column '" + id.asText() + "' comes after the date histogram in columnOrder, "
                            + "so the top values are chosen per interval (more series than its size); put the terms first, "
                            + "as Kibana does");
                }
                index++;
            }
        }
        return problems;
    }

    /** A saved search's searchSourceJSON: Discover highlights the query's matches only with highlightAll. */
    static List<String> savedSearch(JsonNode searchSource) {
        return searchSource.path("highlightAll").asBoolean(false) ? List.of()
                : List.of("searchSourceJSON lacks highlightAll: true, so Discover does not highlight the query's matches");
    }

    /** A dashboard panel: Kibana names the reference of panel P {@code P:panel_P} and the panel's panelRefName {@code panel_P}. */
    static List<String> dashboardPanel(JsonNode panel) {
        String index = panel.path("panelIndex").asText("");
        String refName = panel.path("panelRefName").asText("");
        return refName.equals("panel_" + index) ? List.of()
                : List.of("panel " + index + ": panelRefName is '" + refName + "'; Kibana uses 'panel_" + index
                + "' (and the reference '" + index + ":panel_" + index + "')");
    }
}
