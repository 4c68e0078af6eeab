package org.policyradar.extract;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Readability-style extraction on Jsoup: boilerplate elements are removed, every paragraph-like block gives its
 * parent (and, halved, its grandparent) a score for its text length and punctuation (Chinese ，。 too), class/id
 * hints of content containers (article, content, TRS_Editor, rm_txt_con …) raise it, link-dense blocks are
 * discounted; the best container's paragraphs are the text. Date lines of Chinese government pages
 * ({@code 发布时间：2024-04-24}) are read when no meta date exists.
 */
public final class DensityArticleExtractor implements ArticleExtractor {
    private static final Pattern NEGATIVE = Pattern.compile(
            "nav|menu|footer|header|sidebar|share|social|comment|related|recommend|breadcrumb|banner|advert|\\bad-|promo|"
                    + "copyright|subscribe|newsletter|login|toolbar|pagination|tags|byline-tools|hidden", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|content|post|entry|story|body|text|main|TRS_Editor|rm_txt|detail|zw|pages_content|artical",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CN_DATE = Pattern.compile(
            "(?:发布时间|发布日期|时间|日期)?[:：]?\\s*(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})日?\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s*[|_–—-]\\s*[^|_–—-]{1,40}$");

    @Override
    public Article extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String title = title(doc);
        Instant published = metaDate(doc);
        String lang = lang(doc);
        doc.select("script, style, noscript, iframe, nav, footer, aside, header, svg, button, select, input, template").remove();
        for (Element form : new ArrayList<>(doc.select("form"))) {
            if (form.text().length() < 1500) { // ASP.NET pages wrap the whole page in one form: keep that one
                form.remove();
            }
        }
        for (Element e : new ArrayList<>(doc.select("[class], [id]"))) {
            String hint = e.className() + " " + e.id();
            if (e != doc.body() && NEGATIVE.matcher(hint).find() && !POSITIVE.matcher(e.id()).find()
                    && !e.tagName().equals("body") && !e.tagName().equals("html") && !e.tagName().equals("article")
                    // a page-wide wrapper can carry such a class ("has-header", "overflow-hidden"): keep big, prose-like ones
                    && (e.text().length() < 1500 || linkDensity(e) > 0.5)) {
                e.remove();
            }
        }
        if (published == null) {
            published = textDate(doc.body() == null ? "" : doc.body().text());
        }
        Element best = bestContainer(doc);
        String text = best == null ? "" : paragraphs(best);
        if (lang == null) {
            lang = cjkShare(text) > 0.3 ? "zh" : null;
        }
        return new Article(title, text, published, lang);
    }

    private static Element bestContainer(Document doc) {
        Elements article = doc.select("[itemprop=articleBody], article");
        for (Element a : article) {
            if (a.text().length() > 300) {
                return a;
            }
        }
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : doc.select("p, td, pre, div:not(:has(div, p, table))")) {
            String t = p.text();
            if (t.length() < 25) {
                continue;
            }
            double score = 1 + countPunctuation(t) + Math.min(t.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            double s = e.getValue() * (1 - linkDensity(el));
            String hint = el.className() + " " + el.id();
            if (POSITIVE.matcher(hint).find()) {
                s *= 1.25;
            }
            if (s > bestScore) {
                bestScore = s;
                best = el;
            }
        }
        return best;
    }

    private static String paragraphs(Element container) {
        List<String> out = new ArrayList<>();
        Elements blocks = container.select("p, h2, h3, h4, li, pre, blockquote, div:not(:has(div, p, li, table))");
        if (blocks.isEmpty()) {
            return container.text();
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
            if (!t.isEmpty() && linkDensity(b) < 0.6) {
                out.add(t);
            }
        }
        return String.join("\n", out);
    }

    private static double linkDensity(Element e) {
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

    private static int countPunctuation(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '，' || c == '。' || c == '、' || c == '；') {
                n++;
            }
        }
        return n;
    }

    private static String title(Document doc) {
        Element og = doc.selectFirst("meta[property=og:title], meta[name=twitter:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").strip();
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return TITLE_SUFFIX.matcher(doc.title()).replaceFirst("").strip();
    }

    private static Instant metaDate(Document doc) {
        for (String selector : List.of("meta[property=article:published_time]", "meta[name=pubdate]", "meta[name=publishdate]",
                "meta[name=PubDate]", "meta[name=dc.date]", "meta[name=DC.date.issued]", "meta[itemprop=datePublished]",
                "meta[name=date]")) {
            Element m = doc.selectFirst(selector);
            if (m != null) {
                Instant t = parseInstant(m.attr("content"));
                if (t != null) {
                    return t;
                }
            }
        }
        Matcher ld = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"").matcher(doc.select("script[type=application/ld+json]").html());
        if (ld.find()) {
            Instant t = parseInstant(ld.group(1));
            if (t != null) {
                return t;
            }
        }
        Element time = doc.selectFirst("time[datetime]");
        return time == null ? null : parseInstant(time.attr("datetime"));
    }

    static Instant parseInstant(String s) {
        String v = s == null ? "" : s.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return textDate(v);
        }
    }

    /** A date line in page text; without a zone it is Beijing time when the line is Chinese, else UTC. */
    static Instant textDate(String text) {
        Matcher m = CN_DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            String time = m.group(4) == null ? "00:00" : m.group(4);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(time.split(":")[0]), Integer.parseInt(time.split(":")[1]));
            boolean chinese = m.group(0).matches(".*[年月日时间].*");
            return local.atZone(chinese ? ZoneId.of("Asia/Shanghai") : ZoneId.of("UTC")).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String lang(Document doc) {
        Element html = doc.selectFirst("html[lang]");
        if (html != null && !html.attr("lang").isBlank()) {
            return html.attr("lang").strip().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        Element meta = doc.selectFirst("meta[http-equiv=content-language]");
        return meta == null || meta.attr("content").isBlank() ? null : meta.attr("content").strip().toLowerCase(Locale.ROOT);
    }

    private static double cjkShare(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long cjk = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return cjk / (double) text.length();
    }
}
