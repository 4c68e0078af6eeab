package org.policyradar.fetch;

import java.net.URI;
import java.util.Optional;
import org.policyradar.config.RequestOptions;

/**
 * Refuses, as a permanent failure, URLs that robots.txt disallows for us, and, as a transient one, every URL of an
 * origin whose robots.txt does not answer; fetches the rest through the delegate.
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
        return fetch(sourceId, uri, validators, RequestOptions.GET);
    }

    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators, RequestOptions options) throws FetchException {
        Optional<RobotsPolicy.Refusal> refusal = robots.refusal(sourceId, uri);
        if (refusal.isPresent()) {
            throw new FetchException(sourceId, uri, 0, refusal.get().outage(), refusal.get().reason(), null);
        }
        return delegate.fetch(sourceId, uri, validators, options);
    }
}
