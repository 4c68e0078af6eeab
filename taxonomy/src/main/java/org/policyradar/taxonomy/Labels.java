package org.policyradar.taxonomy;

/** Display names of a topic or signal in English and Chinese. */
public record Labels(String en, String zh) {
}
