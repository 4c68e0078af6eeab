package org.policyradar.fetch;

import java.net.URI;
import java.time.Instant;

/**
 * What one HTTP fetch returned.
 *
 * @param finalUri    the URI after redirects (links in the body resolve against it)
 * @param status      HTTP status of the final response; 304 means not modified and {@code body} is empty
 * @param body        the response body, already decompressed
 * @param contentType the Content-Type header, or null
 * @param validators  validators to store once the body's items are safely stored
 */
public record FetchResult(URI requested, URI finalUri, int status, byte[] body, String contentType,
                          Validators validators, Instant fetched) {

    public boolean notModified() {
        return status == 304;
    }
}
