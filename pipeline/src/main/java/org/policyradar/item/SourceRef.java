package org.policyradar.item;

/** The source an item came from, as stored on the item. */
public record SourceRef(String id, String name, String region) {
}
