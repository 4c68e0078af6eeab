package org.policyradar.kibana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.policyradar.alert.AlertsConfig;
import org.policyradar.search.QueryExpander;

/**
 * Turns the watches of {@code alerts.yaml} into Kibana saved searches over the {@code radar-items} data view, so an
 * analyst opens in Discover exactly what a watch alerts on.
 *
 * <p>The watch's query goes in as a Lucene query: Kibana runs Lucene-syntax queries as an Elasticsearch
 * {@code query_string} over all fields, which is what the watch evaluation does. Its topic, region and source
 * narrowing become "is one of" (phrases) filters, in the shape Kibana itself saves: each filter names its data view
 * by {@code meta.indexRefName} and the object carries the matching reference. The query is expanded as the watch
 * evaluation expands it (a theme or actor named in one language finds the items of every language), so the search
 * opens the Chinese items an English watch alerted on.
 */
public final class WatchSearches {
    /** The data view the searches run on; shipped in {@code kibana/policyradar.ndjson}. */
    public static final String ITEMS_DATA_VIEW = "radar-items";
    static final List<String> COLUMNS = List.of("title", "source.name", "source.region", "topics", "entities", "url");
    private static final String INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index";

    private final QueryExpander expander;

    /** Queries as written, unexpanded. */
    public WatchSearches() {
        this(QueryExpander.none());
    }

    /** @param expander the expansion the watch evaluation uses ({@code alert/WatchEvaluator}) */
    public WatchSearches(QueryExpander expander) {
        this.expander = expander;
    }

    /** The stable id of a watch's saved search: re-exporting overwrites the same object on import. */
    public static String id(AlertsConfig.Watch watch) {
        return "search-watch-" + watch.id();
    }

    public List<ObjectNode> toSavedObjects(List<AlertsConfig.Watch> watches) {
        return watches.stream().map(this::toSavedObject).toList();
    }

    /** One NDJSON line per watch, in the order of the file. */
    public String toNdjson(List<AlertsConfig.Watch> watches) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode o : toSavedObjects(watches)) {
            out.append(write(o)).append('\n');
        }
        return out.toString();
    }

    ObjectNode toSavedObject(AlertsConfig.Watch watch) {
        ObjectNode o = SavedObjects.JSON.createObjectNode();
        o.put("id", id(watch));
        o.put("type", "search");
        ArrayNode references = SavedObjects.JSON.createArrayNode();
        references.addObject().put("type", "index-pattern").put("id", ITEMS_DATA_VIEW).put("name", INDEX_REF);

        ObjectNode source = SavedObjects.JSON.createObjectNode();
        source.putObject("query").put("query", expander.expand(watch.query()).query()).put("language", "lucene");
        ArrayNode filters = source.putArray("filter");
        List<Narrowing> narrowings = new ArrayList<>();
        narrowings.add(new Narrowing("topics", watch.topics()));
        narrowings.add(new Narrowing("source.region", watch.regions()));
        narrowings.add(new Narrowing("source.id", watch.sources()));
        for (Narrowing n : narrowings) {
            if (n.values().isEmpty()) {
                continue;
            }
            String refName = "kibanaSavedObjectMeta.searchSourceJSON.filter[" + filters.size() + "].meta.index";
            filters.add(phrasesFilter(n.field(), n.values(), refName));
            references.addObject().put("type", "index-pattern").put("id", ITEMS_DATA_VIEW).put("name", refName);
        }
        source.put("indexRefName", INDEX_REF);
        source.put("highlightAll", true); // as Discover saves it: the query's matches highlighted

        ObjectNode attributes = o.putObject("attributes");
        attributes.put("title", "Watch: " + watch.id());
        attributes.put("description", "Generated from alerts.yaml watch '" + watch.id() + "' by radar kibana export-watches: "
                + watch.query());
        ArrayNode columns = attributes.putArray("columns");
        COLUMNS.forEach(columns::add);
        attributes.putArray("sort").addArray().add("fetched").add("desc");
        attributes.putObject("grid");
        attributes.put("hideChart", false);
        attributes.put("isTextBasedQuery", false);
        attributes.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", write(source));
        o.set("references", references);
        // The same migration versions as the shipped searches (kibana/generate.py): Kibana migrates them upwards.
        o.put("coreMigrationVersion", "8.8.0");
        o.put("typeMigrationVersion", "8.0.0");
        o.put("managed", false);
        return o;
    }

    private record Narrowing(String field, List<String> values) {
    }

    /** Kibana's "is one of" filter: a bool of match_phrase clauses, any one of which must match. */
    private static ObjectNode phrasesFilter(String field, List<String> values, String refName) {
        ObjectNode f = SavedObjects.JSON.createObjectNode();
        ObjectNode meta = f.putObject("meta");
        meta.putNull("alias");
        meta.put("negate", false);
        meta.put("disabled", false);
        meta.put("type", "phrases");
        meta.put("key", field);
        ArrayNode params = meta.putArray("params");
        values.forEach(params::add);
        meta.put("indexRefName", refName);
        ObjectNode bool = f.putObject("query").putObject("bool");
        ArrayNode should = bool.putArray("should");
        values.forEach(v -> should.addObject().putObject("match_phrase").put(field, v));
        bool.put("minimum_should_match", 1);
        f.putObject("$state").put("store", "appState");
        return f;
    }

    private static String write(Object o) {
        try {
            return SavedObjects.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
