package org.policyradar.classify;

/**
 * One CoreNLP token of a field.
 *
 * @param form  the text used for matching: for Latin script the surface without hyphens, typographic apostrophes
 *              made ASCII; for Chinese the surface converted to simplified characters (same length as the surface)
 * @param index the term to index for search: lower-cased word (Latin) or lower-cased simplified segment (Chinese)
 * @param begin character offset in the field (inclusive)
 * @param end   character offset in the field (exclusive)
 */
record Token(String form, String index, int begin, int end) {
}
