package org.policyradar.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What one HTTP fetch returned.
 *
 * @param finalUri    the URI after redirects (links in the body resolve against it)
 * @param status      HTTP status of the final response; 304 means not modified and {@code body} is empty
 * @param body        the response body, already decompressed
 * @param contentType the Content-Type header, or null
 * @param validators  validators to store once the body's items are safely stored
 * @param redirects   every URI the fetch was redirected to, in order (empty when none; the last is {@code finalUri})
 */
public record FetchResult(URI requested, URI finalUri, int status, byte[] body, String contentType,
                          Validators validators, Instant fetched, List<URI> redirects) {

    public FetchResult {
        redirects = List.copyOf(redirects);
    }

    public FetchResult(URI requested, URI finalUri, int status, byte[] body, String contentType, Validators validators,
                       Instant fetched) {
        this(requested, finalUri, status, body, contentType, validators, fetched, List.of());
    }

    public boolean notModified() {
        return status == 304;
    }
}
