package org.policyradar.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Readability-style extraction on Jsoup, as a cascade: the page is cleaned ({@link PageCleaner}), paragraphs are
 * scored into their containers and the best one is merged with its prose-like siblings ({@link ContentScorer}).
 * When that yields little text the page is read again without removing blocks by their class names and without
 * weighing those names (pages whose article sits in a "post-header" or "comments-enabled" box), and the longer
 * result with the lower link density wins. Date lines of Chinese government pages ({@code 发布时间：2024-04-24}) are
 * read when no meta date exists.
 */
public final class DensityArticleExtractor implements ArticleExtractor {
    /** Below this many characters a result is compared with the lenient pass (Readability's retry threshold). */
    private static final int ENOUGH_TEXT = 500;

    @Override
    public Article extract(String html, String baseUri) {
        String base = baseUri == null ? "" : baseUri;
        Document doc = Jsoup.parse(html, base);
        String title = PageMetadata.title(doc);
        Instant published = PageMetadata.metaDate(doc);
        String lang = PageMetadata.lang(doc);
        PageCleaner.removeNonContent(doc);
        if (published == null) {
            published = PageMetadata.textDate(doc.body() == null ? "" : doc.body().text());
        }
        String text = mainText(doc, true);
        if (text.length() < ENOUGH_TEXT) {
            Document lenient = Jsoup.parse(html, base); // parsed again: cheaper than keeping a copy of every page
            PageCleaner.removeNonContent(lenient);
            String retry = mainText(lenient, false);
            if (retry.length() > text.length() * 1.5) {
                text = retry;
            }
        }
        if (lang == null) {
            lang = PageMetadata.cjkShare(text) > 0.3 ? "zh" : null;
        }
        return new Article(title, text, published, lang);
    }

    private static String mainText(Document doc, boolean strict) {
        if (strict) {
            PageCleaner.removeUnlikely(doc);
        }
        PageCleaner.wrapLooseText(doc);
        List<Element> content = new ContentScorer(strict).content(doc);
        content.forEach(ConditionalCleaner::clean);
        return paragraphs(content);
    }

    /** A list item is judged with its list: one linked entry in a list of prose items is content, a list of links is not. */
    private static Element linkContext(Element block) {
        Element parent = block.parent();
        return block.tagName().equals("li") && parent != null && (parent.tagName().equals("ul") || parent.tagName().equals("ol"))
                ? parent : block;
    }

    private static String paragraphs(Collection<Element> containers) {
        List<String> out = new ArrayList<>();
        Map<Element, Double> densities = new HashMap<>(); // a list's density once, not once per item
        for (Element container : containers) {
            Elements blocks = container.select("p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, dd, dt, td, th, figcaption, "
                    + "div:not(:has(div, p, li, table))");
            if (blocks.isEmpty()) {
                String t = container.text().strip();
                if (!t.isEmpty() && PageCleaner.linkDensity(container) < 0.6) {
                    out.add(t);
                }
                continue;
            }
            // A hash set, not Elements.contains: with thousands of nested blocks a linear lookup per ancestor is quadratic.
            Set<Element> blockSet = new HashSet<>(blocks);
            for (Element b : blocks) {
                if (!b.hasText()) {
                    continue; // cheap first: hostile pages hold tens of thousands of empty blocks
                }
                if (b.parents().stream().anyMatch(blockSet::contains)) {
                    continue; // nested: its ancestor's text already has it
                }
                String t = b.text().strip();
                if (!t.isEmpty() && densities.computeIfAbsent(linkContext(b), PageCleaner::linkDensity) < 0.6) {
                    out.add(t);
                }
            }
        }
        return String.join("\n", out);
    }
}
