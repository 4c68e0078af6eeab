package org.policyradar.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt for the sources we scrape as HTML: fetches {@code /robots.txt} once per origin (scheme, host, port)
 * through the given fetcher (so the fetch is throttled and retried like any other), caches the rules for
 * {@code ttl}, and answers {@link #allowed} for our product token. Per RFC 9309: 2xx → the rules; 4xx → everything
 * allowed; 5xx or no answer → everything disallowed, cached for {@code unreachableTtl} only so a short outage does not
 * block an origin for long.
 */
public final class RobotsPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);

    private final Fetcher fetcher;
    private final String token;
    private final Duration ttl;
    private final Duration unreachableTtl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** @param unreachable why robots.txt did not answer (then everything is disallowed), or null */
    private record Cached(RobotsRules rules, Instant expires, String unreachable) {
    }

    /**
     * Why a URI may not be fetched.
     *
     * @param reason {@code reason=…}, for the error an analyst sees
     * @param outage true when robots.txt did not answer (wait and retry), false when its rules disallow the URI
     */
    public record Refusal(String reason, boolean outage) {
    }

    public RobotsPolicy(Fetcher fetcher, String token, Duration ttl, Duration unreachableTtl, Clock clock) {
        this.fetcher = fetcher;
        this.token = token;
        this.ttl = ttl;
        this.unreachableTtl = unreachableTtl;
        this.clock = clock;
    }

    /** Our token {@link HttpFetcher#ROBOTS_TOKEN}, rules kept 24 h, an unreachable robots.txt retried after 30 min. */
    public RobotsPolicy(Fetcher fetcher, Clock clock) {
        this(fetcher, HttpFetcher.ROBOTS_TOKEN, Duration.ofHours(24), Duration.ofMinutes(30), clock);
    }

    /** Whether robots.txt of the URI's origin lets us fetch it. */
    public boolean allowed(String sourceId, URI uri) {
        return refusal(sourceId, uri).isEmpty();
    }

    /**
     * Why the URI may not be fetched: robots.txt disallows it, or robots.txt did not answer (an outage, not the site's
     * policy: everything waits until it answers); empty when it may.
     */
    public Optional<Refusal> refusal(String sourceId, URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        Cached cached = cached(sourceId, uri);
        if (cached.rules().allowed(path)) {
            return Optional.empty();
        }
        LOG.info("event=robots_disallowed source={} url={} unreachable={}", sourceId, uri, cached.unreachable() != null);
        return Optional.of(cached.unreachable() != null ? new Refusal("reason=" + cached.unreachable(), true)
                : new Refusal("reason=disallowed_by_robots_txt", false));
    }

    /** The origin's Crawl-delay for us, if it sets one; pass it to {@link HostThrottle#acquire(String, Duration)}. */
    public Optional<Duration> crawlDelay(String sourceId, URI uri) {
        return rules(sourceId, uri).crawlDelayIfAny();
    }

    RobotsRules rules(String sourceId, URI uri) {
        return cached(sourceId, uri).rules();
    }

    private Cached cached(String sourceId, URI uri) {
        String origin = origin(uri);
        Cached cached = cache.get(origin);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.expires())) {
            return cached;
        }
        // one fetch per origin even when many workers ask at once
        synchronized (locks.computeIfAbsent(origin, o -> new Object())) {
            cached = cache.get(origin);
            if (cached != null && clock.instant().isBefore(cached.expires())) {
                return cached;
            }
            Cached fresh = load(sourceId, URI.create(origin + "/robots.txt"));
            cache.put(origin, fresh);
            return fresh;
        }
    }

    private Cached load(String sourceId, URI robots) {
        Instant now = clock.instant();
        try {
            FetchResult result = fetcher.fetch(sourceId, robots, Validators.NONE);
            RobotsRules rules = RobotsRules.parse(result.body(), token);
            LOG.debug("event=robots_loaded source={} url={} rules={}", sourceId, robots, rules.size());
            return new Cached(rules, now.plus(ttl), null);
        } catch (FetchException e) {
            if (e.status() >= 400 && e.status() < 500) {
                LOG.debug("event=robots_missing source={} url={} status={}", sourceId, robots, e.status());
                return new Cached(RobotsRules.ALLOW_ALL, now.plus(ttl), null);
            }
            LOG.warn("event=robots_unreachable source={} url={} status={} action=disallow_all reason=\"{}\"",
                    sourceId, robots, e.status(), e.getMessage());
            return new Cached(RobotsRules.DISALLOW_ALL, now.plus(unreachableTtl),
                    "robots_txt_unreachable status=" + e.status() + " cause=\"" + String.valueOf(e.getMessage()).replace('"', '\'')
                            + "\" retry_after=" + unreachableTtl.toMinutes() + "m");
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}
