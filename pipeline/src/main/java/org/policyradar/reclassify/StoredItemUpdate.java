package org.policyradar.reclassify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policyradar.classify.TextItem;
import org.policyradar.item.ClassifiedFields;

/**
 * One stored item and its new classification as a partial document. Elasticsearch merges a partial document's
 * objects key by key, so a topic the new classification no longer has would keep its old {@code scores.<topic>} and
 * {@code evidence.<topic>}: those keys are written as null.
 */
record StoredItemUpdate(String index, String id, long seqNo, long primaryTerm, List<String> oldTopics, ClassifiedFields fields) {

    /** The fields a re-classification reads from the stored document. */
    static final List<String> SOURCE_FIELDS = List.of("id", "title", "summary", "text", "lang", "topics", "scores", "evidence");

    static TextItem textOf(String id, JsonNode source) {
        return new TextItem(id, text(source, "title"), text(source, "summary"), text(source, "text"), text(source, "lang"));
    }

    static List<String> topicsOf(JsonNode source) {
        List<String> topics = new ArrayList<>();
        source.path("topics").forEach(t -> topics.add(t.asText()));
        return topics;
    }

    ObjectNode partialDocument(ObjectMapper json, JsonNode oldSource) {
        ObjectNode doc = json.valueToTree(fields);
        clearDropped(doc, "scores", oldSource);
        clearDropped(doc, "evidence", oldSource);
        return doc;
    }

    boolean topicsChanged() {
        return !Set.copyOf(oldTopics).equals(Set.copyOf(fields.topics()));
    }

    Set<String> added() {
        Set<String> s = new LinkedHashSet<>(fields.topics());
        s.removeAll(oldTopics);
        return s;
    }

    Set<String> removed() {
        Set<String> s = new LinkedHashSet<>(oldTopics);
        s.removeAll(fields.topics());
        return s;
    }

    private static void clearDropped(ObjectNode doc, String field, JsonNode oldSource) {
        JsonNode old = oldSource.path(field);
        if (!old.isObject()) {
            return;
        }
        ObjectNode now = doc.path(field).isObject() ? (ObjectNode) doc.get(field) : doc.putObject(field);
        old.fieldNames().forEachRemaining(key -> {
            if (!now.has(key)) {
                now.putNull(key);
            }
        });
    }

    private static String text(JsonNode source, String field) {
        JsonNode n = source.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
