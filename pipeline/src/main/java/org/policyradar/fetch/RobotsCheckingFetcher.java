package org.policyradar.fetch;

import java.net.URI;

/**
 * Refuses, as a permanent failure, URLs that robots.txt disallows for us; fetches the rest through the delegate.
 * For HTML article pages; feeds the publisher offers for syndication do not need it.
 */
public final class RobotsCheckingFetcher implements Fetcher {
    private final Fetcher delegate;
    private final RobotsPolicy robots;

    public RobotsCheckingFetcher(Fetcher delegate, RobotsPolicy robots) {
        this.delegate = delegate;
        this.robots = robots;
    }

    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators) throws FetchException {
        if (!robots.allowed(sourceId, uri)) {
            throw new FetchException(sourceId, uri, 0, false, "reason=disallowed_by_robots_txt", null);
        }
        return delegate.fetch(sourceId, uri, validators);
    }
}
