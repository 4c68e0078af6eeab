package org.policyradar.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about where its listing is, for {@code radar sources check}: blocks of repeated links (the
 * shape of every listing: a parent whose children share a tag and class and each hold a link, most with a date), and
 * the JSON endpoints a script-filled page names (Xinhua's {@code data="datasource:ID"} lists, MIIT's
 * {@code <script url querydata>}, {@code .json} URLs in scripts). A simple finder; a real listing detector may replace
 * {@link #candidates}.
 */
public final class PageClues {
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}");
    private static final Pattern JSON_URL = Pattern.compile("[\"']([^\"'\\s<>]*?\\.json(?:\\?[^\"'\\s<>]*)?)[\"']");
    private static final Pattern DATASOURCE = Pattern.compile("datasource:([A-Za-z0-9_]+)");
    private static final int MIN_REPEATS = 3;

    /** A block of repeated links: a selector for its items, how many there are and how many carry a date. */
    public record Candidate(String selector, int items, int dated) {
        @Override
        public String toString() {
            return "\"" + selector + "\" (" + items + " links, " + dated + " with dates)";
        }
    }

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

    /** The best blocks of repeated links, most dated items first, at most {@code limit}. */
    public List<Candidate> candidates(int limit) {
        List<Candidate> out = new ArrayList<>();
        for (Element parent : doc.getAllElements()) {
            Map<String, List<Element>> bySignature = new HashMap<>();
            for (Element child : parent.children()) {
                bySignature.computeIfAbsent(signature(child), k -> new ArrayList<>()).add(child);
            }
            for (Map.Entry<String, List<Element>> group : bySignature.entrySet()) {
                List<Element> linked = group.getValue().stream().filter(c -> c.selectFirst("a[href]") != null).toList();
                if (linked.size() < MIN_REPEATS) {
                    continue;
                }
                int dated = (int) linked.stream().filter(c -> DATE.matcher(c.text()).find()).count();
                out.add(new Candidate(selectorOf(parent) + " > " + group.getKey(), linked.size(), dated));
            }
        }
        return out.stream()
                .sorted(Comparator.comparingInt(Candidate::dated).thenComparingInt(Candidate::items).reversed())
                .limit(limit).toList();
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

    private static String signature(Element e) {
        String cls = e.className().isBlank() ? "" : "." + e.classNames().iterator().next();
        return e.tagName() + cls;
    }

    private static String selectorOf(Element e) {
        if (!e.id().isBlank()) {
            return e.tagName() + "#" + e.id();
        }
        String cls = e.className().isBlank() ? "" : "." + e.classNames().iterator().next();
        Element parent = e.parent();
        String own = e.tagName() + cls;
        return parent == null || cls.length() > 0 || parent.tagName().equals("#root") ? own : selectorOf(parent) + " > " + own;
    }
}
