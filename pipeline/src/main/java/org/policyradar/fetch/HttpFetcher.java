package org.policyradar.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.policyradar.config.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches over HTTP with the JDK client: conditional GET, gzip/deflate (also gzip bytes sent without a
 * Content-Encoding header), a redirect limit (redirects are followed here, not by the client, so every hop is
 * throttled and counted), a connect timeout and a total deadline that covers headers and body of every hop (a server
 * that drips bytes cannot hold a worker), a maximum body size enforced while downloading and while inflating, and
 * per-host politeness through a shared {@link HostThrottle}.
 */
public final class HttpFetcher implements Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    public static final String USER_AGENT = "PolicyRadar/0.1 (policy-monitoring news reader; +https://github.com/policyradar)";
    /** The product token robots.txt groups are matched against. */
    public static final String ROBOTS_TOKEN = "PolicyRadar";
    private static final int ERROR_BODY_BYTES = 64 * 1024;

    /** Limits for one fetch. {@code totalTimeout} bounds the whole fetch, redirects and body included. */
    public record Limits(Duration connectTimeout, Duration totalTimeout, int maxRedirects, long maxBytes) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, 20L * 1024 * 1024);
        }
    }

    private final HttpClient client;
    private final Limits limits;
    private final Clock clock;
    private final HostThrottle throttle;

    /** With {@link HostThrottle#defaults()}; prefer the overload with one throttle shared by all fetchers. */
    public HttpFetcher(Limits limits, Clock clock) {
        this(limits, clock, HostThrottle.defaults());
    }

    public HttpFetcher(Limits limits, Clock clock, HostThrottle throttle) {
        this.limits = limits;
        this.clock = clock;
        this.throttle = throttle;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators) throws FetchException {
        return fetch(sourceId, uri, validators, RequestOptions.GET);
    }

    /**
     * Sends the source's method, body, headers and user agent on the first hop; a redirect is followed with a GET
     * (as browsers do for 301-303) keeping the headers and user agent.
     */
    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators, RequestOptions options) throws FetchException {
        URI current = uri;
        List<URI> redirects = new ArrayList<>();
        Instant started = clock.instant();
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            if (!"http".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(current.getScheme())) {
                throw new FetchException(sourceId, current, 0, false, "reason=\"unsupported scheme\"", null);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(remaining(sourceId, current, deadline))
                    .header("User-Agent", options.userAgent().orElse(USER_AGENT))
                    .header("Accept-Encoding", "gzip, deflate")
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
                            + "text/html;q=0.8, application/json;q=0.8, */*;q=0.5");
            options.headers().forEach(request::setHeader);
            if (hop == 0 && "POST".equals(options.method())) {
                request.POST(HttpRequest.BodyPublishers.ofString(options.body().orElse(""), StandardCharsets.UTF_8));
            } else {
                request.GET();
            }
            if (hop == 0 && validators != null) {
                if (validators.etag() != null) {
                    request.header("If-None-Match", validators.etag());
                }
                if (validators.lastModified() != null) {
                    request.header("If-Modified-Since", validators.lastModified());
                }
            }
            HttpResponse<byte[]> response = send(sourceId, current, request.build(), deadline);
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            if (status >= 300 && status < 400 && status != 304) {
                String location = headers.firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(sourceId, current, status, false, "reason=\"redirect without Location\"", null);
                }
                URI next;
                try {
                    next = current.resolve(location.trim().replace(" ", "%20"));
                } catch (IllegalArgumentException e) {
                    throw new FetchException(sourceId, current, status, false, "reason=\"bad redirect Location\"", e);
                }
                LOG.debug("event=redirect source={} status={} from={} to={}", sourceId, status, current, next);
                current = next;
                redirects.add(next);
                continue;
            }
            if (status == 304) {
                LOG.debug("event=not_modified source={} url={}", sourceId, current);
                return new FetchResult(uri, current, status, new byte[0], null, validators, started, redirects);
            }
            if (status != 200) {
                Optional<String> challenge = BotChallenge.of(status, headers::firstValue, response.body());
                if (challenge.isPresent()) {
                    throw FetchException.challenge(sourceId, current, status, challenge.get());
                }
                boolean transientFailure = status == 429 || status == 408 || status >= 500;
                throw new FetchException(sourceId, current, status, transientFailure, "reason=\"HTTP " + status + "\"", null,
                        retryAfter(headers));
            }
            byte[] body = decode(sourceId, current, headers, response.body());
            Validators next = new Validators(headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null));
            LOG.debug("event=fetched source={} url={} bytes={} hops={}", sourceId, current, body.length, hop);
            return new FetchResult(uri, current, status, body, headers.firstValue("Content-Type").orElse(null), next, started,
                    redirects);
        }
        throw new FetchException(sourceId, uri, 0, false, "reason=\"more than " + limits.maxRedirects() + " redirects\"", null);
    }

    /** One hop: waits for the host's turn, then sends and reads the body, all within the deadline. */
    private HttpResponse<byte[]> send(String sourceId, URI uri, HttpRequest request, long deadline) throws FetchException {
        try (HostThrottle.Permit ignored = throttle.acquire(uri.getHost())) {
            Duration left = remaining(sourceId, uri, deadline);
            // Of an error answer only the start is kept: enough to tell a bot challenge page from a plain error.
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> info.statusCode() == 200
                    ? new BoundedBodySubscriber(limits.maxBytes())
                    : info.statusCode() >= 300 && info.statusCode() < 400 ? HttpResponse.BodySubscribers.replacing(new byte[0])
                    : new BoundedBodySubscriber(ERROR_BODY_BYTES, true));
            try {
                return future.get(left.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new FetchException(sourceId, uri, 0, true,
                        "reason=timeout after_ms=" + limits.totalTimeout().toMillis(), e);
            } catch (ExecutionException | CancellationException e) {
                throw failure(sourceId, uri, e.getCause() == null ? e : e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(sourceId, uri, 0, true, "reason=interrupted", e);
        }
    }

    /** Retry-After as delta-seconds or HTTP-date; null when absent or unreadable. */
    private Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private Duration remaining(String sourceId, URI uri, long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchException(sourceId, uri, 0, true, "reason=timeout after_ms=" + limits.totalTimeout().toMillis(), null);
        }
        return Duration.ofNanos(left);
    }

    private FetchException failure(String sourceId, URI uri, Throwable cause) {
        if (cause instanceof ContentDecoding.TooLargeException) {
            return new FetchException(sourceId, uri, 200, false,
                    "reason=\"response larger than " + limits.maxBytes() + " bytes\"", cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(sourceId, uri, 0, true, "reason=connect_timeout", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(sourceId, uri, 0, true, "reason=timeout after_ms=" + limits.totalTimeout().toMillis(), cause);
        }
        return new FetchException(sourceId, uri, 0, true, "reason=\"io: " + cause + "\"", cause);
    }

    /** Undoes Content-Encoding, and gzip that arrived without one; the inflated size is bounded too. */
    private byte[] decode(String sourceId, URI uri, HttpHeaders headers, byte[] raw) throws FetchException {
        String encoding = headers.firstValue("Content-Encoding").orElse("identity").toLowerCase(Locale.ROOT).trim();
        try {
            return switch (encoding) {
                case "gzip", "x-gzip" -> ContentDecoding.gunzipIfMagic(raw, limits.maxBytes());
                case "deflate" -> inflate(raw);
                default -> {
                    if (ContentDecoding.looksGzipped(raw)) {
                        LOG.info("event=gzip_without_header source={} url={}", sourceId, uri);
                        yield ContentDecoding.gunzipIfMagic(raw, limits.maxBytes());
                    }
                    yield raw;
                }
            };
        } catch (ContentDecoding.TooLargeException e) {
            throw new FetchException(sourceId, uri, 200, false,
                    "reason=\"response larger than " + limits.maxBytes() + " bytes once inflated\"", e);
        } catch (IOException e) {
            throw new FetchException(sourceId, uri, 200, true, "reason=\"cannot decode " + encoding + " body: " + e.getMessage() + "\"", e);
        }
    }

    /** "deflate" is zlib-wrapped by the standard, raw deflate by many servers: try both. */
    private byte[] inflate(byte[] raw) throws IOException {
        try {
            return ContentDecoding.readBounded(new InflaterInputStream(new ByteArrayInputStream(raw)), limits.maxBytes());
        } catch (ZipException notZlib) {
            return ContentDecoding.readBounded(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)),
                    limits.maxBytes());
        }
    }
}
