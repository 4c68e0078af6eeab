package org.policyradar.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A fetch failed. {@code transientFailure} says whether trying again later may help (timeouts, 5xx, 429) or not
 * (404, refused by policy, too large).
 */
public final class FetchException extends Exception {
    private final String sourceId;
    private final URI uri;
    private final int status;
    private final boolean transientFailure;
    private final Duration retryAfter;

    public FetchException(String sourceId, URI uri, int status, boolean transientFailure, String reason, Throwable cause) {
        this(sourceId, uri, status, transientFailure, reason, cause, null);
    }

    /** @param retryAfter the server's Retry-After (429, 503), or null */
    public FetchException(String sourceId, URI uri, int status, boolean transientFailure, String reason, Throwable cause,
                          Duration retryAfter) {
        super("source=" + sourceId + " url=" + uri + " " + reason, cause);
        this.sourceId = sourceId;
        this.uri = uri;
        this.status = status;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait before trying again, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public String sourceId() {
        return sourceId;
    }

    public URI uri() {
        return uri;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
