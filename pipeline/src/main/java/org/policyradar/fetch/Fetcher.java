package org.policyradar.fetch;

import java.net.URI;

/** Fetches one URL for a source, conditionally when validators are given. */
public interface Fetcher {
    FetchResult fetch(String sourceId, URI uri, Validators validators) throws FetchException;
}
