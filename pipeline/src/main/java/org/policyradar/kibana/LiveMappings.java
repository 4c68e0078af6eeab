package org.policyradar.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.PropertyBase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live mappings of the indices the saved objects name, each read once, flattened to dotted field name → type
 * (object properties and multi-fields included), and the checks of one field against its use.
 */
final class LiveMappings {
    static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float", "half_float",
            "scaled_float", "unsigned_long");

    /** What a saved object does with a field, which decides the field types that fit. */
    enum Use {
        ANY, TERMS, DATE, NUMERIC, NUMERIC_OR_DATE, SORT
    }

    private final ElasticsearchClient client;
    private final Map<String, Optional<Map<String, String>>> mappings = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();

    LiveMappings(ElasticsearchClient client) {
        this.client = client;
    }

    /** The flattened mapping of an index or alias; empty when it cannot be read ({@link #error} says why). */
    Optional<Map<String, String>> of(String index) {
        return mappings.computeIfAbsent(index, i -> {
            try {
                Map<String, String> fields = new TreeMap<>();
                client.indices().getMapping(g -> g.index(i)).mappings()
                        .values().forEach(r -> flatten("", r.mappings().properties(), fields));
                return Optional.of(fields);
            } catch (Exception e) {
                errors.put(i, e.getMessage());
                return Optional.empty();
            }
        });
    }

    String error(String index) {
        return errors.get(index);
    }

    /** The mapping of {@code index}, or a problem saying it cannot be read. */
    Optional<Map<String, String>> require(ObjectCheck c, String what, String index) {
        Optional<Map<String, String>> mapping = of(index);
        if (mapping.isEmpty()) {
            c.problem(what + "index '" + index + "' cannot be read: " + error(index));
        }
        return mapping;
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

    static boolean fits(Use use, String type) {
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

    /** Whether {@code field} exists in the mapping with a type that fits {@code use}; a problem naming both when not. */
    static boolean checkField(ObjectCheck c, Map<String, String> mapping, String index, String field, String what, Use use) {
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

    /** The fields a saved query names, each checked to exist; a problem for an unsupported language. */
    static void checkQueryFields(ObjectCheck c, Map<String, String> mapping, String index,
                                 com.fasterxml.jackson.databind.JsonNode query, String what) {
        String language = query.path("language").asText("kuery");
        if (!language.equals("kuery") && !language.equals("lucene")) {
            c.problem(what + ": unsupported query language " + query.path("language"));
            return;
        }
        try {
            for (String field : Kql.fields(query.path("query").asText(""))) {
                checkField(c, mapping, index, field, what, Use.ANY);
            }
        } catch (IllegalArgumentException e) {
            c.problem(what + ": " + e.getMessage());
        }
    }
}
