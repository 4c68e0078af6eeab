package org.policyradar.fetch;

import java.net.URI;

/** Remembers the validators of the last fetch whose items were stored, per source and URL. */
public interface FetchStateStore {
    Validators get(String sourceId, URI uri);

    /** Called only after everything the fetch produced is stored, so a crash never skips unstored items. */
    void put(String sourceId, URI uri, Validators validators);
}
