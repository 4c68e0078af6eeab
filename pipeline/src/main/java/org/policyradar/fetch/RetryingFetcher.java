package org.policyradar.fetch;

import java.net.URI;
import java.time.Duration;
import org.policyradar.config.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries transient failures (timeouts, connection errors, 408, 429, 5xx) with exponential backoff, a bounded number of
 * times; permanent failures (404, too large, too many redirects, refused by robots.txt) go straight to the caller.
 * A server's Retry-After is honoured: the wait is the longer of it and the backoff; a Retry-After beyond
 * {@code maxBackoff} ends the retries (the next scheduled poll is the better time to come back).
 * The last failure is rethrown with the number of attempts, so the caller records one error per fetch.
 */
public final class RetryingFetcher implements Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingFetcher.class);

    /**
     * @param maxAttempts    attempts in total, at least 1
     * @param initialBackoff wait before the second attempt
     * @param multiplier     growth of the wait from one attempt to the next
     * @param maxBackoff     cap on one wait
     */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
        public RetryPolicy {
            if (maxAttempts < 1 || multiplier < 1.0 || initialBackoff.isNegative() || maxBackoff.isNegative()) {
                throw new IllegalArgumentException("invalid retry policy");
            }
        }

        public static RetryPolicy defaults() {
            return new RetryPolicy(3, Duration.ofSeconds(2), 3.0, Duration.ofSeconds(30));
        }

        /** The wait after failed attempt number {@code attempt} (1-based). */
        public Duration backoff(int attempt) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }
    }

    /** How to wait; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Fetcher delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingFetcher(Fetcher delegate, RetryPolicy policy) {
        this(delegate, policy, Thread::sleep);
    }

    public RetryingFetcher(Fetcher delegate, RetryPolicy policy, Sleeper sleeper) {
        this.delegate = delegate;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators) throws FetchException {
        return fetch(sourceId, uri, validators, RequestOptions.GET);
    }

    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators, RequestOptions options) throws FetchException {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.fetch(sourceId, uri, validators, options);
            } catch (FetchException e) {
                boolean serverSaysLater = e.retryAfter().map(d -> d.compareTo(policy.maxBackoff()) > 0).orElse(false);
                if (!e.transientFailure() || attempt >= policy.maxAttempts() || serverSaysLater) {
                    if (attempt == 1) {
                        throw e;
                    }
                    LOG.warn("event=fetch_failed source={} url={} status={} attempts={} transient={}",
                            sourceId, uri, e.status(), attempt, e.transientFailure());
                    throw new FetchException(sourceId, e.uri(), e.status(), e.transientFailure(),
                            reasonOf(e) + " attempts=" + attempt, e, e.retryAfter().orElse(null));
                }
                Duration backoff = policy.backoff(attempt);
                Duration wait = e.retryAfter().filter(d -> d.compareTo(backoff) > 0).orElse(backoff);
                LOG.info("event=fetch_retry source={} url={} status={} attempt={} backoff_ms={} {}",
                        sourceId, uri, e.status(), attempt, wait.toMillis(), reasonOf(e));
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new FetchException(sourceId, uri, e.status(), true, "reason=interrupted attempts=" + attempt, e);
                }
            }
        }
    }

    /** The reason part of a FetchException message (after "source=... url=... "). */
    private static String reasonOf(FetchException e) {
        String message = e.getMessage();
        int at = message.indexOf(" reason=");
        return at >= 0 ? message.substring(at + 1) : "reason=\"" + message + "\"";
    }
}
