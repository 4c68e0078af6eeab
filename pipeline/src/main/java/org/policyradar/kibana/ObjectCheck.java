package org.policyradar.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One saved object being checked, with the whole file for resolving its references and the list its problems go to. */
final class ObjectCheck {
    final ObjectNode object;
    final String type;
    final String id;
    final JsonNode attributes;
    private final Map<String, ObjectNode> all;
    private final List<KibanaValidator.Problem> problems;

    ObjectCheck(ObjectNode object, Map<String, ObjectNode> all, List<KibanaValidator.Problem> problems) {
        this.object = object;
        this.type = object.path("type").asText("?");
        this.id = object.path("id").asText("?");
        this.attributes = object.path("attributes");
        this.all = all;
        this.problems = problems;
    }

    void problem(String message) {
        problems.add(new KibanaValidator.Problem(type, id, message));
    }

    /** How many problems were recorded so far (all objects'): a check compares before and after. */
    int problemCount() {
        return problems.size();
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

    /** Every reference has a type, id and unique name, and points at an object in the file. */
    void checkReferences() {
        Set<String> names = new HashSet<>();
        for (JsonNode r : object.path("references")) {
            String refType = r.path("type").asText("");
            String refId = r.path("id").asText("");
            String name = r.path("name").asText("");
            if (refType.isEmpty() || refId.isEmpty() || name.isEmpty()) {
                problem("reference without type, id or name: " + r);
                continue;
            }
            if (!names.add(name)) {
                problem("two references named '" + name + "'");
            }
            if (!all.containsKey(refType + "/" + refId)) {
                problem("reference '" + name + "' points at " + refType + " '" + refId + "', which is not in the file");
            }
        }
    }
}
