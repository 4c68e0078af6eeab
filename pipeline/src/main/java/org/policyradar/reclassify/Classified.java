package org.policyradar.reclassify;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.item.ClassifiedFields;
import org.policyradar.item.Glossary;

/** A stored item after classification: its update, or why it could not be classified. */
record Classified(Hit<JsonNode> hit, StoredItemUpdate update, String failure) {

    static Classified of(Hit<JsonNode> hit, ItemClassifier classifier, Glossary glossary) {
        JsonNode source = hit.source();
        if (source == null) {
            return new Classified(hit, null, hit.id() + ": the stored document has no _source");
        }
        try {
            ClassifiedFields fields = ClassifiedFields.of(classifier.classify(StoredItemUpdate.textOf(hit.id(), source)), glossary);
            return new Classified(hit, new StoredItemUpdate(hit.index(), hit.id(), hit.seqNo(), hit.primaryTerm(),
                    StoredItemUpdate.topicsOf(source), fields), null);
        } catch (RuntimeException e) { // one bad item must not stop the archive: named in the summary, the run goes on
            return new Classified(hit, null, hit.id() + ": classification failed: " + e);
        }
    }
}
