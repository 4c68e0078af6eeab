package org.policyradar.fetch;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** HTTP cache validators of the last successful fetch, sent back for a conditional GET. Either may be null. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    @JsonIgnore // derived, not state: serialising it made the stored file unreadable
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
