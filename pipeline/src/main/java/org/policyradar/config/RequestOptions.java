package org.policyradar.config;

import java.util.Map;
import java.util.Optional;

/**
 * How a source's URL is requested, when not a plain GET: {@code method} (GET or POST), a request {@code body} (POST),
 * extra {@code headers} (e.g. Referer, Content-Type) and a {@code user_agent} instead of PolicyRadar's own (which also
 * applies to the pages the source links to).
 */
public record RequestOptions(String method, Optional<String> body, Map<String, String> headers, Optional<String> userAgent) {
    public static final RequestOptions GET = new RequestOptions("GET", Optional.empty(), Map.of(), Optional.empty());

    public RequestOptions {
        headers = Map.copyOf(headers);
    }

    public boolean isPlainGet() {
        return equals(GET);
    }

    /** What the pages a source links to are fetched with: only its user agent, a plain GET otherwise. */
    public RequestOptions forLinkedPages() {
        return new RequestOptions("GET", Optional.empty(), Map.of(), userAgent);
    }
}
