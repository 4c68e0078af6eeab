package org.policyradar.extract;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.policyradar.config.JsonListing;

/**
 * Reads the entries of a JSON listing endpoint with the source's JSONPaths (Jayway JsonPath): {@code items} selects
 * the entries, title, link, date and summary are read relative to each. Links are resolved against the endpoint's URL;
 * titles lose any HTML markup ({@code <em>} highlights); an entry without a link or title is skipped and counted.
 */
public final class JsonListingParser {
    private static final Configuration PATHS = Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");

    /** The endpoint answered something that is not the JSON its paths expect. */
    public static final class NotJsonException extends Exception {
        NotJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Entries found and entries skipped (no link or no title). */
    public record Listing(List<ListingEntry> entries, int skipped) {
    }

    /**
     * @param charset the source's override, or null (then the Content-Type's, else UTF-8)
     * @param zone    where a date without offset is meant
     */
    public Listing parse(byte[] body, String contentType, String charset, URI base, JsonListing paths, ZoneId zone)
            throws NotJsonException {
        String text = decode(body, contentType, charset);
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            throw new NotJsonException("answered " + (start.regionMatches(true, 0, "<?xml", 0, 5) ? "XML" : "HTML")
                    + ", not JSON (" + (contentType == null ? "no Content-Type" : contentType) + ")", null);
        }
        DocumentContext doc;
        try {
            doc = JsonPath.using(PATHS).parse(text);
        } catch (InvalidJsonException e) {
            throw new NotJsonException("not valid JSON: " + e.getMessage(), e);
        }
        Object selected = doc.read(paths.items());
        if (!(selected instanceof List<?> items)) {
            throw new NotJsonException("json.items '" + paths.items() + "' selects "
                    + (selected == null ? "nothing" : "a single " + selected.getClass().getSimpleName()) + ", not a list of entries",
                    null);
        }
        List<ListingEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int skipped = 0;
        for (Object item : items) {
            DocumentContext entry = JsonPath.using(PATHS).parse(item);
            String link = string(entry.read(paths.link()));
            String title = string(entry.read(paths.title()));
            URI url = resolve(base, link);
            if (url == null || title == null || title.isBlank()) {
                skipped++;
                continue;
            }
            if (!seen.add(url.toString())) {
                continue;
            }
            Instant published = paths.date().map(d -> ListedDate.parse(entry.read(d), zone)).orElse(null);
            String summary = paths.summary().map(s -> string(entry.read(s))).map(JsonListingParser::plain).orElse(null);
            entries.add(new ListingEntry(url.toString(), plain(title), published, summary == null || summary.isBlank() ? null : summary));
        }
        return new Listing(entries, skipped);
    }

    private static String decode(byte[] body, String contentType, String override) {
        Charset cs = StandardCharsets.UTF_8;
        String name = override;
        if (name == null && contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            name = m.find() ? m.group(1) : null;
        }
        if (name != null) {
            try {
                String n = name.toLowerCase(Locale.ROOT);
                cs = n.equals("gb2312") || n.equals("gbk") ? Charset.forName("GB18030") : Charset.forName(name);
            } catch (IllegalArgumentException unknown) {
                cs = StandardCharsets.UTF_8;
            }
        }
        String text = new String(body, cs);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A scalar as text; a list's first element (some endpoints wrap single values); null for anything else. */
    private static String string(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : string(list.get(0));
        }
        return value == null || value instanceof java.util.Map<?, ?> ? null : value.toString().strip();
    }

    private static String plain(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? Jsoup.parse(text).text().strip() : text.strip();
    }

    private static URI resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI url = base.resolve(link.strip().replace(" ", "%20"));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
