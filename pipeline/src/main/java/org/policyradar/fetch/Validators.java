package org.policyradar.fetch;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** HTTP cache validators of the last successful fetch, sent back for a conditional GET. Either may be null. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    /** Not a property: kept out of the state file (Jackson would otherwise write it as "empty"). */
    @JsonIgnore
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
