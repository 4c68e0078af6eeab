package org.policyradar.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Prepares a parsed page for scoring: removes what is never main text (scripts, navigation, forms, hidden nodes),
 * optionally the blocks whose class or id says boilerplate, and wraps text that sits loose in a container
 * (blog posts written as text and {@code <br>}s) into paragraphs, as Readability does, so it can be scored.
 */
final class PageCleaner {
    static final Pattern NEGATIVE = Pattern.compile(
            "nav|menu|footer|header|sidebar|share|social|comment|related|recommend|breadcrumb|banner|advert|\\bad-|promo|"
                    + "copyright|subscribe|newsletter|login|toolbar|pagination|tags|byline-tools|hidden", Pattern.CASE_INSENSITIVE);
    static final Pattern POSITIVE = Pattern.compile(
            "article|content|post|entry|story|body|text|main|TRS_Editor|rm_txt|detail|zw|pages_content|artical",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "td", "th", "form", "center",
            "blockquote", "dd", "body");
    private static final Set<String> INLINE = Set.of("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "del",
            "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
            "sub", "sup", "time", "tt", "u", "var", "wbr", "nobr");
    private static final String BLOCKS = "div, p, table, ul, ol, dl, section, article, h1, h2, h3, h4, h5, h6, blockquote, pre";

    private PageCleaner() {
    }

    static void removeNonContent(Document doc) {
        doc.select("script, style, noscript, iframe, nav, footer, aside, header, svg, button, select, input, template, textarea, "
                + "[hidden], [style~=(?i)display:\\s*none|visibility:\\s*hidden]").remove();
        for (Element form : new ArrayList<>(doc.select("form"))) {
            if (form.text().length() < 1500) { // ASP.NET pages wrap the whole page in one form: keep that one
                form.remove();
            }
        }
    }

    /** Blocks whose class or id names boilerplate, unless big and prose-like (a page wrapper with "has-header"). */
    static void removeUnlikely(Document doc) {
        for (Element e : new ArrayList<>(doc.select("[class], [id]"))) {
            String hint = e.className() + " " + e.id();
            if (e != doc.body() && NEGATIVE.matcher(hint).find() && !POSITIVE.matcher(e.id()).find()
                    && !e.tagName().equals("body") && !e.tagName().equals("html") && !e.tagName().equals("article")
                    && (e.text().length() < 1500 || linkDensity(e) > 0.5)) {
                e.remove();
            }
        }
    }

    /** Wraps each run of text and inline elements inside a container into a {@code <p>}; two {@code <br>}s end a run. */
    static void wrapLooseText(Document doc) {
        if (doc.body() == null) {
            return;
        }
        for (Element container : new ArrayList<>(doc.body().select(String.join(",", CONTAINERS)))) {
            if (!hasLooseText(container)) {
                continue;
            }
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(container.childNodes())) {
                if (isBreak(child) && !run.isEmpty() && isBreak(run.getLast())) {
                    wrap(run);
                } else if (isPhrasing(child)) {
                    run.add(child);
                } else {
                    wrap(run);
                }
            }
            wrap(run);
        }
    }

    private static boolean hasLooseText(Element container) {
        for (Node n : container.childNodes()) {
            if (n instanceof TextNode t ? !t.isBlank() : n instanceof Element e && INLINE.contains(e.tagName()) && e.hasText()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBreak(Node n) {
        return n instanceof Element e && e.tagName().equals("br");
    }

    private static boolean isPhrasing(Node n) {
        if (n instanceof TextNode) {
            return true;
        }
        if (n instanceof Element e) {
            return e.tagName().equals("br") || INLINE.contains(e.tagName()) && e.selectFirst(BLOCKS) == null;
        }
        return false;
    }

    private static void wrap(List<Node> run) {
        while (!run.isEmpty() && (isBreak(run.getLast()) || run.getLast() instanceof TextNode t && t.isBlank())) {
            run.removeLast();
        }
        boolean text = run.stream().anyMatch(n -> n instanceof TextNode t ? !t.isBlank() : n instanceof Element e && e.hasText());
        if (text) {
            Element p = new Element("p");
            run.getFirst().before(p);
            for (Node n : run) {
                p.appendChild(n);
            }
        }
        run.clear();
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 1;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, links / (double) total);
    }
}
