package org.policyradar.listing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.policyradar.config.ListingSelectors;
import org.policyradar.extract.ListingDates;

/**
 * Writes the {@code listing:} selectors that read one block: the item selector is the shortest chain of
 * {@code parent > child} shapes (stopping at an id) that matches exactly the block's linked items on this page; the
 * link is each item's longest-titled link, the date the element whose own text holds a date, each by the relative
 * selector that finds them in most items.
 */
final class SelectorSuggester {
    private static final int MAX_ANCESTORS = 5;

    private SelectorSuggester() {
    }

    static ListingSelectors suggest(Document doc, RepeatedBlocks.Block block, LocalDate reference) {
        String item = itemSelector(doc, block);
        Map<Element, Element> mainLinks = new IdentityHashMap<>();
        block.items().forEach(i -> mainLinks.put(i, mainLink(i)));
        String link = mostCommon(block.items(), i -> linkSelector(i, mainLinks.get(i)), "a");
        String date = mostCommon(block.items(), i -> dateSelector(i, mainLinks.get(i), reference), null);
        return new ListingSelectors(item, link, null, date);
    }

    private static String itemSelector(Document doc, RepeatedBlocks.Block block) {
        List<Element> items = block.items();
        String itemShape = Shapes.shape(items.get(0));
        boolean oneShape = items.stream().allMatch(e -> Shapes.shape(e).equals(itemShape));
        Element container = block.containers().get(0);
        String selector = (block.containers().size() > 1 ? Shapes.shape(container) : Shapes.withId(container))
                + " > " + (oneShape ? itemShape : items.get(0).tagName());
        Set<Element> wanted = identitySet(items);
        String best = selector;
        int bestExtra = extra(doc.select(selector), wanted);
        Element ancestor = block.parent();
        boolean anchored = block.containers().size() == 1 && Shapes.hasId(container);
        // A chain of bare tags ("tbody > tr") matches any table on tomorrow's page: go up to a class or id even when
        // the chain is already exact.
        boolean named = named(container);
        for (int depth = 0; (bestExtra > 0 || !named) && !anchored && ancestor != null && depth < MAX_ANCESTORS; depth++) {
            selector = Shapes.withId(ancestor) + " > " + selector;
            int extra = extra(doc.select(selector), wanted);
            if (extra < bestExtra || extra == bestExtra && !named) {
                best = selector;
                bestExtra = extra;
            }
            named = named || named(ancestor);
            anchored = Shapes.hasId(ancestor) || ancestor.tagName().equals("body");
            ancestor = ancestor.parent();
        }
        if (bestExtra > 0 && block.parent() != null) {
            // Layout tables nested in layout tables: no class or id tells the listing from the menu beside it, only its
            // position. Exact, if brittle: the analyst is better served by a selector that reads this page right.
            String byPosition = (block.containers().size() > 1 ? block.parent().cssSelector() + " > " + Shapes.shape(container)
                    : container.cssSelector()) + " > " + (oneShape ? itemShape : items.get(0).tagName());
            if (extra(doc.select(byPosition), wanted) == 0) {
                return byPosition;
            }
        }
        return best;
    }

    private static boolean named(Element e) {
        return Shapes.hasId(e) || !Shapes.shape(e).equals(e.tagName());
    }

    /** Linked elements the selector matches beyond the block's items (unlinked ones, such as a table header, are harmless). */
    private static int extra(Elements matched, Set<Element> wanted) {
        int extra = 0;
        for (Element e : matched) {
            if (!wanted.contains(e) && e.selectFirst("a[href]") != null) {
                extra++;
            }
        }
        return extra;
    }

    /** The item's link with the longest title: the document link, not its category or "PDF" link. */
    static Element mainLink(Element item) {
        Element best = null;
        int bestLength = -1;
        for (Element a : item.select("a[href]")) {
            int length = (a.hasAttr("title") ? a.attr("title") : a.text()).strip().length();
            if (length > bestLength) {
                best = a;
                bestLength = length;
            }
        }
        return best;
    }

    private static String linkSelector(Element item, Element link) {
        List<String> tries = new ArrayList<>(List.of("a"));
        if (!link.classNames().isEmpty()) {
            tries.add(Shapes.shape(link));
        }
        if (link.parent() != null && link.parent() != item) {
            tries.add(Shapes.shape(link.parent()) + " > a");
        }
        return tries.stream().filter(t -> item.selectFirst(t) == link).findFirst().orElse(null);
    }

    private static String dateSelector(Element item, Element link, LocalDate reference) {
        for (Element e : item.getAllElements()) {
            if (e == item || e.ownText().isBlank() || link != null && link.parents().contains(e) && e != link
                    || ListingDates.find(e.ownText(), reference).isEmpty()) {
                continue;
            }
            if (e == link) {
                return null; // the date is in the link's text: the title carries it, no better selector
            }
            String shape = Shapes.shape(e);
            if (item.selectFirst(shape) == e) {
                return shape;
            }
            // A table row's date cell is one td among several: by its position among them.
            String nth = shape + ":nth-of-type(" + (sameTagBefore(e) + 1) + ")";
            return item.selectFirst(nth) == e ? nth : null;
        }
        return null;
    }

    private static int sameTagBefore(Element e) {
        int n = 0;
        for (Element s = e.previousElementSibling(); s != null; s = s.previousElementSibling()) {
            if (s.tagName().equals(e.tagName())) {
                n++;
            }
        }
        return n;
    }

    /** The selector most items agree on; {@code fallback} when none does. */
    private static String mostCommon(List<Element> items, Function<Element, String> perItem, String fallback) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        int none = 0;
        for (Element i : items) {
            String s = perItem.apply(i);
            if (s == null) {
                none++;
            } else {
                votes.merge(s, 1, Integer::sum);
            }
        }
        int noneVotes = none;
        return votes.entrySet().stream().filter(e -> e.getValue() > noneVotes).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(fallback);
    }

    private static Set<Element> identitySet(List<Element> items) {
        Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(items);
        return set;
    }
}
