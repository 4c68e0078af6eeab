package org.policyradar.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Readability's candidate scoring: every paragraph-like block of 25+ characters gives its ancestors (parent in full,
 * grandparent half, further up a third per level) a score for its commas (Chinese ，。、； too) and length; an ancestor
 * starts from its tag and its class/id hints; link-dense candidates are discounted. The best candidate's siblings
 * join it when they score close to it or read as prose, so an article split over several containers stays whole.
 */
final class ContentScorer {
    private static final Pattern POSITIVE_HINT = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|TRS_Editor|rm_txt|detail|zw|artical",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE_HINT = Pattern.compile(
            "-ad-|hidden|^hid$|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|"
                    + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget", Pattern.CASE_INSENSITIVE);
    private static final int ANCESTOR_LEVELS = 5;
    private static final int TOP_CANDIDATES = 5;
    private static final int MIN_SHARED = 3;

    private final boolean weighClasses;

    ContentScorer(boolean weighClasses) {
        this.weighClasses = weighClasses;
    }

    /** The elements holding the main text, in document order; empty when nothing reads as prose. */
    List<Element> content(Document doc) {
        Map<Element, Double> scores = new LinkedHashMap<>(); // document order: equal scores rank the same on every run
        for (Element p : doc.select("p, td, pre, h2, h3, h4, h5, h6, section")) {
            String t = p.text();
            if (t.length() < 25) {
                continue;
            }
            double score = 1 + countPunctuation(t) + Math.min(t.length() / 100.0, 3);
            Element ancestor = p.parent();
            for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor != doc; level++) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initialScore(ancestor) + score / divider, (a, b) -> a + score / divider);
                ancestor = ancestor.parent();
            }
        }
        Map<Element, Double> finalScores = new LinkedHashMap<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            finalScores.put(e.getKey(), e.getValue() * (1 - PageCleaner.linkDensity(e.getKey())));
        }
        List<Element> ranked = finalScores.entrySet().stream()
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed()).limit(TOP_CANDIDATES).map(Map.Entry::getKey).toList();
        if (ranked.isEmpty() || finalScores.get(ranked.getFirst()) <= 0) {
            return List.of();
        }
        Element top = climb(ranked, finalScores, doc.body());
        return withSiblings(top, finalScores.getOrDefault(top, 0.0), finalScores);
    }

    /**
     * Readability's two ways up from the best candidate: to the ancestor shared by several near-best candidates (an
     * article split into sections), and to a parent scoring higher than the path below it.
     */
    private static Element climb(List<Element> ranked, Map<Element, Double> scores, Element body) {
        Element top = ranked.getFirst();
        double topScore = scores.get(top);
        List<Element> close = ranked.stream().skip(1).filter(e -> scores.get(e) >= topScore * 0.75).toList();
        if (close.size() >= MIN_SHARED) {
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
                Element a = ancestor;
                if (close.stream().filter(e -> e == a || isAncestor(a, e)).count() >= MIN_SHARED) {
                    top = ancestor;
                    break;
                }
            }
        }
        double last = scores.getOrDefault(top, 0.0);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double score = scores.get(parent);
            if (score == null) {
                continue;
            }
            if (score < threshold) {
                break;
            }
            if (score > last) {
                top = parent;
                break;
            }
            last = score;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent(); // a lone child says nothing its wrapper does not
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> withSiblings(Element top, double topScore, Map<Element, Double> scores) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            Double score = scores.get(sibling);
            if (score != null && score + bonus >= threshold) {
                out.add(sibling);
            } else if (sibling.tagName().equals("p")) {
                String t = sibling.text();
                double density = PageCleaner.linkDensity(sibling);
                if (t.length() > 80 && density < 0.25 || t.length() > 0 && density == 0 && endsSentence(t)) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }

    private static boolean endsSentence(String t) {
        String s = t.strip();
        return s.endsWith(".") || s.endsWith("。") || s.endsWith("!") || s.endsWith("?") || s.endsWith("！") || s.endsWith("？");
    }

    private double initialScore(Element e) {
        double s = switch (e.tagName()) {
            case "div", "article" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.hasAttr("itemprop") && e.attr("itemprop").equals("articleBody")) {
            s += 25;
        }
        return weighClasses ? s + classWeight(e) : s;
    }

    /** Readability's class weight: -25 for a boilerplate-sounding class or id, +25 for a content-sounding one. */
    static int classWeight(Element e) {
        int w = 0;
        for (String hint : new String[] {e.className(), e.id()}) {
            if (!hint.isEmpty()) {
                w += NEGATIVE_HINT.matcher(hint).find() ? -25 : 0;
                w += POSITIVE_HINT.matcher(hint).find() ? 25 : 0;
            }
        }
        return w;
    }

    static int countPunctuation(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '，' || c == '。' || c == '、' || c == '；') {
                n++;
            }
        }
        return n;
    }
}
