package org.policyradar.fetch;

import java.net.URI;
import org.policyradar.config.RequestOptions;

/** Fetches one URL for a source, conditionally when validators are given. */
public interface Fetcher {
    FetchResult fetch(String sourceId, URI uri, Validators validators) throws FetchException;

    /**
     * As {@link #fetch(String, URI, Validators)}, with the source's method, body, headers and user agent. Fetchers that
     * cannot send them refuse anything but a plain GET rather than silently dropping them.
     */
    default FetchResult fetch(String sourceId, URI uri, Validators validators, RequestOptions options) throws FetchException {
        if (!options.isPlainGet()) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot send " + options);
        }
        return fetch(sourceId, uri, validators);
    }
}
