package org.policyradar.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Readability's "clean conditionally" on the chosen content: tables, lists, forms and divs that look like
 * boilerplate rather than prose are removed, innermost first — link lists, widgets of short link-heavy lines, image
 * galleries, forms, embeds with little text. An element with ten or more commas is prose and stays. Unlike
 * Readability, a negative class name alone ("meta", "media", "tools") does not remove a block here: measured on the
 * development set it removed datelines and bylines more often than boilerplate (Dragnet 0.834 with it, 0.839 without).
 */
final class ConditionalCleaner {
    /** Beyond this many candidates (hostile nesting) cleaning is skipped: each check reads the element's whole subtree. */
    private static final int MAX_CANDIDATES = 3000;

    private ConditionalCleaner() {
    }

    static void clean(Element container) {
        List<Element> candidates = new ArrayList<>(container.select("form, fieldset, table, ul, ol, div, section, aside"));
        if (candidates.size() > MAX_CANDIDATES) {
            return;
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Element e = candidates.get(i);
            if (e != container && e.parent() != null && isBoilerplate(e)) {
                e.remove();
            }
        }
    }

    private static boolean isBoilerplate(Element e) {
        String text = e.text();
        if (ContentScorer.countPunctuation(text) >= 10) {
            return false;
        }
        String tag = e.tagName();
        if (tag.equals("form") || tag.equals("fieldset")) {
            return true;
        }
        int weight = ContentScorer.classWeight(e);
        boolean list = tag.equals("ul") || tag.equals("ol") || listShare(e, text.length()) > 0.9;
        // one walk over the subtree for every count, not one select per count
        int p = 0;
        int img = 0;
        int li = -100;
        int input = 0;
        int embeds = 0;
        int linkChars = 0;
        boolean figure = false;
        for (Element d : e.getAllElements()) {
            switch (d.tagName()) {
                case "p" -> p++;
                case "img" -> img++;
                case "li" -> li++;
                case "input", "textarea", "select" -> input++;
                case "object", "embed", "iframe", "video" -> embeds++;
                case "a" -> linkChars += d.text().length();
                case "figure" -> figure = true;
                default -> { }
            }
        }
        int length = text.length();
        double links = length == 0 ? 1 : Math.min(1, linkChars / (double) length);
        return img > 1 && p / (double) img < 0.5 && !figure
                || !list && li > p
                || input > p / 3
                || !list && length < 25 && (img == 0 || img > 2)
                || !list && weight < 25 && links > 0.2
                || weight >= 25 && links > 0.5
                || embeds == 1 && length < 75 || embeds > 1;
    }

    /** Share of the text inside lists (outermost lists only, so nested ones are not counted twice). */
    private static double listShare(Element e, int length) {
        if (length == 0) {
            return 0;
        }
        int inLists = 0;
        for (Element l : e.select("ul, ol")) {
            boolean nested = false;
            for (Element a = l.parent(); a != null && a != e; a = a.parent()) {
                nested |= a.tagName().equals("ul") || a.tagName().equals("ol");
            }
            if (!nested) {
                inLists += l.text().length();
            }
        }
        return inLists / (double) length;
    }
}
