package org.policyradar.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches over HTTP with the JDK client: conditional GET, gzip/deflate, a redirect limit (redirects are followed
 * here, not by the client, so every hop can be checked), connect and total timeouts, and a maximum body size.
 */
public final class HttpFetcher implements Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    public static final String USER_AGENT = "PolicyRadar/0.1 (policy-monitoring news reader; +https://github.com/policyradar)";

    /** Limits for one fetch. */
    public record Limits(Duration connectTimeout, Duration totalTimeout, int maxRedirects, long maxBytes) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, 20L * 1024 * 1024);
        }
    }

    private final HttpClient client;
    private final Limits limits;
    private final Clock clock;

    public HttpFetcher(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public FetchResult fetch(String sourceId, URI uri, Validators validators) throws FetchException {
        URI current = uri;
        Instant started = clock.instant();
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(limits.totalTimeout())
                    .header("User-Agent", USER_AGENT)
                    .header("Accept-Encoding", "gzip, deflate")
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                    .GET();
            if (hop == 0 && validators != null) {
                if (validators.etag() != null) {
                    request.header("If-None-Match", validators.etag());
                }
                if (validators.lastModified() != null) {
                    request.header("If-Modified-Since", validators.lastModified());
                }
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new FetchException(sourceId, current, 0, true, "reason=timeout", e);
            } catch (IOException e) {
                throw new FetchException(sourceId, current, 0, true, "reason=\"io: " + e + "\"", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(sourceId, current, 0, true, "reason=interrupted", e);
            }
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(response.body());
                String location = headers.firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(sourceId, current, status, false, "reason=\"redirect without Location\"", null);
                }
                current = current.resolve(location.trim());
                continue;
            }
            if (status == 304) {
                closeQuietly(response.body());
                LOG.debug("event=not_modified source={} url={}", sourceId, current);
                return new FetchResult(uri, current, status, new byte[0], null, validators, started);
            }
            if (status != 200) {
                closeQuietly(response.body());
                boolean transientFailure = status == 429 || status == 408 || status >= 500;
                throw new FetchException(sourceId, current, status, transientFailure, "reason=\"HTTP " + status + "\"", null);
            }
            byte[] body = readBody(sourceId, current, response);
            Validators next = new Validators(headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null));
            return new FetchResult(uri, current, status, body, headers.firstValue("Content-Type").orElse(null), next, started);
        }
        throw new FetchException(sourceId, uri, 0, false, "reason=\"more than " + limits.maxRedirects() + " redirects\"", null);
    }

    private byte[] readBody(String sourceId, URI uri, HttpResponse<InputStream> response) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").toLowerCase(Locale.ROOT).trim();
        try (InputStream raw = response.body();
             InputStream in = switch (encoding) {
                 case "gzip", "x-gzip" -> new GZIPInputStream(raw);
                 case "deflate" -> new InflaterInputStream(raw);
                 default -> raw;
             }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw new FetchException(sourceId, uri, response.statusCode(), false,
                            "reason=\"response larger than " + limits.maxBytes() + " bytes\"", null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException(sourceId, uri, response.statusCode(), true, "reason=\"reading body: " + e + "\"", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: the connection is discarded
        }
    }
}
