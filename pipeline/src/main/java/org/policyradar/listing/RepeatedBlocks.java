package org.policyradar.listing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the blocks of repeated linked elements on a page: three or more siblings of one shape (tag and stable classes)
 * that each hold a link — the {@code li} of a list, the {@code tr} of a table, the {@code div} rows of a CMS. Sibling
 * lists of one shape under one parent (gov.cn splits a listing into {@code ul} of five) are one block.
 */
final class RepeatedBlocks {
    static final int MIN_ITEMS = 3;
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template", "svg", "select");

    /** Repeated items under one container (or under sibling containers of one shape). */
    record Block(Element parent, List<Element> containers, List<Element> items) {
    }

    private RepeatedBlocks() {
    }

    static List<Block> find(Document doc) {
        List<Block> single = new ArrayList<>();
        for (Element parent : doc.getAllElements()) {
            if (SKIPPED.contains(parent.tagName()) || parent.childrenSize() < MIN_ITEMS) {
                continue;
            }
            Map<String, List<Element>> byShape = new LinkedHashMap<>();
            Map<String, List<Element>> byTag = new LinkedHashMap<>();
            for (Element child : parent.children()) {
                if (child.selectFirst("a[href]") == null) {
                    continue;
                }
                byShape.computeIfAbsent(Shapes.shape(child), k -> new ArrayList<>()).add(child);
                byTag.computeIfAbsent(child.tagName(), k -> new ArrayList<>()).add(child);
            }
            Set<List<Element>> groups = new LinkedHashSet<>(byShape.values());
            // Rows of two shapes in one list (ENISA's featured item before the others) are one listing by tag.
            byTag.values().stream().filter(g -> !byShape.containsValue(g)).forEach(groups::add);
            for (List<Element> group : groups) {
                if (group.size() >= MIN_ITEMS) {
                    single.add(new Block(parent.parent(), List.of(parent), group));
                }
            }
        }
        return mergeSiblingContainers(single);
    }

    private static List<Block> mergeSiblingContainers(List<Block> blocks) {
        Map<String, List<Block>> byPlace = new LinkedHashMap<>();
        IdentityHashMap<Element, Integer> ids = new IdentityHashMap<>();
        for (Block b : blocks) {
            Element container = b.containers().get(0);
            String key = (b.parent() == null ? "-" : ids.computeIfAbsent(b.parent(), k -> ids.size())) + "|"
                    + Shapes.shape(container) + "|" + Shapes.shape(b.items().get(0)) + "|" + sameShape(b.items());
            byPlace.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
        }
        List<Block> out = new ArrayList<>();
        for (List<Block> place : byPlace.values()) {
            if (place.size() == 1) {
                out.add(place.get(0));
                continue;
            }
            List<Element> containers = place.stream().map(b -> b.containers().get(0)).toList();
            // getAllElements() walks in document order, so the items stay in page order.
            List<Element> items = place.stream().flatMap(b -> b.items().stream()).toList();
            out.add(new Block(place.get(0).parent(), containers, items));
        }
        return out;
    }

    private static boolean sameShape(List<Element> items) {
        String first = Shapes.shape(items.get(0));
        return items.stream().allMatch(e -> Shapes.shape(e).equals(first));
    }
}
