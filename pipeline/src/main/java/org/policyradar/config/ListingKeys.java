package org.policyradar.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.policyradar.yaml.YamlMap;

/**
 * The keys of a source that say how its entries are found and how it is requested: {@code listing} (CSS selectors),
 * {@code json} (JSONPaths), {@code method}, {@code body}, {@code headers}, {@code user_agent}. Selectors and paths are
 * compiled here, at start-up, so a typo is refused with the file, source and key instead of failing at poll time.
 */
final class ListingKeys {
    static final Set<String> LISTING = Set.of("item", "link", "title", "date");
    static final Set<String> JSON = Set.of("items", "title", "link", "date", "summary");
    static final Set<String> REQUEST = Set.of("method", "body", "headers", "user_agent");

    private ListingKeys() {
    }

    /** {@code listing: auto}: no selectors, the listing is detected on the page. */
    static boolean isAuto(JsonNode l) {
        return l.isTextual() && "auto".equals(l.asText().strip());
    }

    static ListingSelectors selectors(YamlMap source, JsonNode l) {
        YamlMap listing = YamlMap.entry(source.where() + ": key 'listing'", l, ConfigException::new, "'" + l.asText()
                + "' is neither auto nor a map with keys item, link, title, date").checkKeys(LISTING);
        String item = css(source, "item", listing.required("item"));
        String link = css(source, "link", listing.text("link").orElse("a"));
        String title = listing.text("title").map(t -> css(source, "title", t)).orElse(null);
        String date = listing.text("date").map(d -> css(source, "date", d)).orElse(null);
        return new ListingSelectors(item, link, title, date);
    }

    private static String css(YamlMap source, String key, String selector) {
        try {
            QueryParser.parse(selector);
            return selector;
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw source.problem("listing." + key, "'" + selector + "' is not a valid CSS selector (" + firstLine(e.getMessage())
                    + "); write a Jsoup/CSS selector such as \"ul.list li\", \"a[href]\", \"span.date\"");
        }
    }

    static JsonListing json(YamlMap source, JsonNode j) {
        YamlMap json = YamlMap.entry(source.where() + ": key 'json'", j, ConfigException::new, "must be a map with keys items, "
                + "title, link, date, summary, e.g. json: { items: \"$.datasource[*]\", title: title, link: publishUrl, "
                + "date: publishTime }").checkKeys(JSON);
        String items = path(source, "items", json.required("items"), false);
        String title = path(source, "title", json.required("title"), true);
        String link = path(source, "link", json.required("link"), true);
        Optional<String> date = json.text("date").map(d -> path(source, "date", d, true));
        Optional<String> summary = json.text("summary").map(s -> path(source, "summary", s, true));
        return new JsonListing(items, title, link, date, summary);
    }

    private static String path(YamlMap source, String key, String written, boolean relative) {
        String p = relative ? JsonListing.entryPath(written) : written;
        if (!p.startsWith("$")) {
            throw source.problem("json." + key, "'" + written + "' must be a JSONPath from the root, e.g. \"$[*]\" or "
                    + "\"$.datasource[*]\"");
        }
        try {
            JsonPath.compile(p);
            return p;
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw source.problem("json." + key, "'" + written + "' is not a valid JSONPath (" + firstLine(e.getMessage())
                    + "); write e.g. " + (relative ? "TITLE or data.title" : "\"$.datasource[*]\""));
        }
    }

    static RequestOptions request(YamlMap node) {
        String method = node.text("method").map(m -> m.toUpperCase(Locale.ROOT)).orElse("GET");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw node.problem("method", "'" + method + "' is not GET or POST");
        }
        Optional<String> body = node.text("body");
        if (body.isPresent() && method.equals("GET")) {
            throw node.problem("body", "a request body needs method: POST");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (node.has("headers")) {
            JsonNode h = node.get("headers");
            if (!h.isObject()) {
                throw node.problem("headers", "must be a map of header names to values, e.g. "
                        + "headers: { Referer: \"https://www.news.cn/tech/\" }");
            }
            for (Map.Entry<String, JsonNode> e : h.properties()) {
                if (!e.getKey().matches("[A-Za-z0-9-]+") || !e.getValue().isValueNode()
                        || e.getValue().asText().contains("\n")) {
                    throw node.problem("headers." + e.getKey(), "a header needs a name of letters, digits and '-' and a "
                            + "single-line value");
                }
                if (Set.of("host", "content-length", "connection", "user-agent").contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    throw node.problem("headers." + e.getKey(), "set by the fetcher"
                            + (e.getKey().equalsIgnoreCase("user-agent") ? "; use the key user_agent" : "; remove it"));
                }
                headers.put(e.getKey(), e.getValue().asText());
            }
        }
        Optional<String> userAgent = node.text("user_agent");
        if (userAgent.isPresent() && userAgent.get().contains("\n")) {
            throw node.problem("user_agent", "must be a single line");
        }
        return new RequestOptions(method, body, headers, userAgent);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
