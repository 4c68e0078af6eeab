package org.policyradar.check;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about where its listing is, for {@code radar sources check}: how many elements a selector
 * matches, and the JSON endpoints a script-filled page names (Xinhua's {@code data="datasource:ID"} lists, MIIT's
 * {@code <script url querydata>}, {@code .json} URLs in scripts). Its candidate blocks of repeated links come from
 * {@link org.policyradar.listing.ListingDetector}.
 */
public final class PageClues {
    private static final Pattern JSON_URL = Pattern.compile("[\"']([^\"'\\s<>]*?\\.json(?:\\?[^\"'\\s<>]*)?)[\"']");
    private static final Pattern DATASOURCE = Pattern.compile("datasource:([A-Za-z0-9_]+)");

    private final Document doc;
    private final URI base;

    public PageClues(String html, URI base) {
        this.doc = Jsoup.parse(html, base.toString());
        this.base = base;
    }

    /** How many elements a CSS selector matches on the page. */
    public int count(String selector) {
        return doc.select(selector).size();
    }

    /** JSON endpoints the page names for script-filled lists, resolved against the page URL. */
    public List<String> endpoints() {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : doc.select("[data*=datasource:]")) {
            Matcher m = DATASOURCE.matcher(e.attr("data"));
            if (m.find()) {
                out.add(resolve("ds_" + m.group(1) + ".json") + " (from " + e.tagName() + "[data=" + e.attr("data") + "])");
            }
        }
        for (Element s : doc.select("script[url]")) {
            out.add(resolve(s.attr("url")) + (s.hasAttr("querydata") ? " with querydata " + s.attr("querydata") : "")
                    + " (from <script url>)");
        }
        for (Element s : doc.select("script")) {
            Matcher m = JSON_URL.matcher(s.hasAttr("src") ? "\"" + s.attr("src") + "\" " + s.data() : s.data());
            while (m.find()) {
                out.add(resolve(m.group(1)) + " (named in a script)");
            }
        }
        return List.copyOf(out);
    }

    /** The page has little text of its own but runs scripts: its content arrives later. */
    public boolean looksScriptFilled() {
        return !doc.select("script").isEmpty() && doc.body() != null && doc.body().text().length() < 500;
    }

    /** The feed a page advertises ({@code <link rel=alternate type=application/rss+xml>}), if any. */
    public List<String> advertisedFeeds() {
        return doc.select("link[rel=alternate][type*=rss], link[rel=alternate][type*=atom]").stream()
                .map(l -> l.absUrl("href")).filter(h -> !h.isEmpty()).distinct().toList();
    }

    private String resolve(String link) {
        try {
            return base.resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }
}
