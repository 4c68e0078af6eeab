package org.policyradar.listing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Recognises the parts of a page around its content: navigation, header, footer, sidebars, breadcrumbs, pagers,
 * "related links" and "friendly links" boxes, by element name or by a class or id word (also the pinyin initials
 * Chinese government templates use: {@code xgxw} 相关新闻, {@code xglj} 相关链接, {@code yqlj} 友情链接).
 */
final class PageChrome {
    private static final Set<String> TAGS = Set.of("nav", "header", "footer", "aside");
    private static final Set<String> WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus", "submenu", "footer",
            "foot", "bottom", "header", "head", "topbar", "toolbar", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
            "position", "location", "pager", "pagination", "paging", "pages", "fenye", "related", "relate",
            "xgxw", "xglj", "yqlj", "friend", "friends", "links", "sidebar", "side", "aside", "share", "social", "tags",
            "lang", "language", "languages", "copyright", "skip", "hot", "hotnews", "rank", "ranking", "popular");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s_]+|(?<=[a-z])(?=[A-Z])|-");

    private PageChrome() {
    }

    /** True when {@code element} or one of its ancestors is page chrome rather than content. */
    static boolean isChrome(Element element) {
        for (Element e = element; e != null && !e.tagName().equals("body"); e = e.parent()) {
            if (TAGS.contains(e.tagName()) || hasChromeWord(e.id()) || hasChromeWord(e.className())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasChromeWord(String names) {
        if (names.isBlank()) {
            return false;
        }
        for (String word : WORD_SPLIT.split(names.strip())) {
            if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
