package org.policyradar.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import java.io.IOException;

/**
 * Tells a failure that waiting cures (Elasticsearch down or restarting, connection refused, timeouts, 429, 5xx,
 * shards recovering, a write block, credentials being rotated: 401/403) from one that repeats whatever the wait (a
 * 400 for a request we built, a mapping error, a bug of ours). The spool keeps the first kind as long as it takes and
 * gives the second a bounded number of tries.
 */
public final class EsFailures {
    private EsFailures() {
    }

    /** True when the same request may succeed later unchanged. The first cause that says decides. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return e.error() != null && "cluster_block_exception".equals(e.error().type()) || isTransientStatus(e.status());
            }
            if (t instanceof TransportException e) {
                return e.statusCode() < 400 || isTransientStatus(e.statusCode());
            }
            if (t instanceof ResponseException e) { // the low-level client's: a status, an unparsed body
                return isTransientStatus(e.getResponse().getStatusCode());
            }
            if (t instanceof IOException) {
                return true; // connection refused or reset, timeouts: no answer at all
            }
        }
        return false;
    }

    /** 408, 429, 5xx; 401 and 403 too: an operator fixes credentials or privileges, the items are not at fault. */
    public static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status >= 500 || status == 401 || status == 403;
    }

    /** The HTTP status Elasticsearch (or a proxy in front of it) answered with; 0 when there was no answer. */
    public static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return e.status();
            }
            if (t instanceof TransportException e) {
                return e.statusCode();
            }
            if (t instanceof ResponseException e) {
                return e.getResponse().getStatusCode();
            }
        }
        return 0;
    }

    /** One line for logs and the spool's last error: the Elasticsearch error type and reason when there is one. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ElasticsearchException e && e.error() != null) {
                var cause = e.error().rootCause().isEmpty() ? e.error() : e.error().rootCause().get(0);
                return "HTTP " + e.status() + " " + cause.type() + ": " + cause.reason();
            }
        }
        return String.valueOf(failure.getMessage() == null ? failure.toString() : failure.getMessage()).replace('\n', ' ');
    }

    /** Waits before retrying a request Elasticsearch refused for a transient reason; an interrupt ends the wait as an IOException. */
    public static void backOff(long millis) throws java.io.IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while backing off", e);
        }
    }
}
