package org.policyradar.reclassify;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of stored items, in {@code id} order. */
record Page(List<Hit<JsonNode>> hits) {
    static final Page EMPTY = new Page(List.of());
}
