package org.policyradar.taxonomy;

/**
 * A taxonomy file that cannot be used. The message names the file, the topic/entity/signal id, the key and the fix,
 * because the reader is an analyst editing YAML, not a developer reading a stack trace.
 */
public class TaxonomyException extends RuntimeException {
    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
