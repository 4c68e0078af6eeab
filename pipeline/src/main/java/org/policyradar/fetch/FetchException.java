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
    private final boolean challenge;

    public FetchException(String sourceId, URI uri, int status, boolean transientFailure, String reason, Throwable cause) {
        this(sourceId, uri, status, transientFailure, reason, cause, null);
    }

    /** @param retryAfter the server's Retry-After (429, 503), or null */
    public FetchException(String sourceId, URI uri, int status, boolean transientFailure, String reason, Throwable cause,
                          Duration retryAfter) {
        this(sourceId, uri, status, transientFailure, reason, cause, retryAfter, false);
    }

    private FetchException(String sourceId, URI uri, int status, boolean transientFailure, String reason, Throwable cause,
                           Duration retryAfter, boolean challenge) {
        super("source=" + sourceId + " url=" + uri + " " + reason, cause);
        this.challenge = challenge;
        this.sourceId = sourceId;
        this.uri = uri;
        this.status = status;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /**
     * The site answered with a bot challenge (a page that wants a browser to run its script, or a CAPTCHA) instead of
     * the content: not an outage, not "nothing new"; the source needs another URL (a feed, an API) or a user agent the
     * site accepts.
     */
    public static FetchException challenge(String sourceId, URI uri, int status, String what) {
        return new FetchException(sourceId, uri, status, false, "reason=\"bot challenge: " + what.replace('"', '\'') + "\"",
                null, null, true);
    }

    public boolean challenge() {
        return challenge;
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
