package org.policyradar.listing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.policyradar.config.ListingSelectors;
import org.policyradar.extract.ListingDates;
import org.policyradar.extract.ListingEntry;
import org.policyradar.extract.ListingParser;

/**
 * Finds a listing page's entries without selectors: the page's dominant block of repeated links with titles and dates
 * (the list every government listing page has, whether {@code ul/li}, {@code div} rows or a table), not its menus,
 * footer, breadcrumbs, pager or link boxes. Each block is read through {@link ListingParser} with the selectors
 * suggested for it, so a candidate's entries are exactly what an analyst gets by copying its selectors into
 * {@code listing:}.
 */
public final class ListingDetector {
    /** An undated entry counts this much of a dated one: listings date their entries, menus do not. */
    private static final double UNDATED = 0.3;
    /** Inside navigation, footer, sidebar, pager or a links box. */
    private static final double CHROME = 0.15;
    /** Latin words (or pairs of Chinese characters) from which a link text counts fully as a title. */
    private static final double TITLE_UNITS = 6;
    /** Blocks for which selectors are written and tried (the page's listing is among the first few by estimate). */
    private static final int MAX_BLOCKS = 12;
    /** Below this per entry a dated block is chrome (a sidebar's "hot news") or a list of one-word links. */
    private static final double MIN_SCORE_PER_ENTRY = 0.3;
    private static final Pattern PAGER = Pattern.compile("\\d+|[<>«»‹›|.…\\s]+|(?i)(next|prev|previous|more|last|first|"
            + "read more|more news|suivant|précédent|weiter|zurück|mehr)\\W*|下一页|上一页|首页|尾页|末页|更多|更多>>|>>|<<");

    private final ListingParser parser;

    public ListingDetector(ListingParser parser) {
        this.parser = parser;
    }

    /**
     * The page's listing, when the best block is credible as one: at least three entries, at least half of them
     * dated, outside the page's chrome, with texts of title length. A page whose only dated links sit in a sidebar
     * (its listing filled by script) has none: better no entries than the sidebar's.
     *
     * @param doc       the page, parsed with its URL as base URI
     * @param zone      where a bare date is meant (Beijing time for Chinese sites)
     * @param reference the day the page was read (the year of a year-less {@code [11-30]})
     */
    public Optional<ListingCandidate> detect(Document doc, ZoneId zone, LocalDate reference) {
        return candidates(doc, zone, reference).stream().findFirst().filter(ListingDetector::credible);
    }

    /** Every block of three or more repeated links, best first. */
    public List<ListingCandidate> candidates(Document doc, ZoneId zone, LocalDate reference) {
        List<ListingCandidate> out = new ArrayList<>();
        Set<String> selectorsSeen = new HashSet<>();
        // Writing and trying selectors costs whole-page selects: only for the blocks that look most like a listing.
        List<RepeatedBlocks.Block> promising = RepeatedBlocks.find(doc).stream()
                .sorted(Comparator.comparingDouble((RepeatedBlocks.Block b) -> estimate(b, reference)).reversed())
                .limit(MAX_BLOCKS).toList();
        for (RepeatedBlocks.Block block : promising) {
            ListingSelectors selectors = SelectorSuggester.suggest(doc, block, reference);
            if (!selectorsSeen.add(selectors.item())) {
                continue;
            }
            List<ListingEntry> entries = parser.parse(doc, selectors, zone, reference).entries();
            if (entries.size() < RepeatedBlocks.MIN_ITEMS) {
                continue;
            }
            int dated = (int) entries.stream().filter(e -> e.published() != null).count();
            double score = 0;
            for (ListingEntry e : entries) {
                score += entryScore(e.title(), e.published() != null);
            }
            out.add(new ListingCandidate(selectors, Math.round(score * chrome(block) * 100) / 100.0, entries, dated));
        }
        out.sort(Comparator.comparingDouble(ListingCandidate::score).reversed());
        return out;
    }

    /** The score from the block's elements alone (each item's longest link, any date in its text), before selectors. */
    private static double estimate(RepeatedBlocks.Block block, LocalDate reference) {
        double score = 0;
        for (Element item : block.items()) {
            Element link = SelectorSuggester.mainLink(item);
            String title = link == null ? "" : link.hasAttr("title") ? link.attr("title") : link.text();
            score += entryScore(title, ListingDates.find(item.text(), reference).isPresent());
        }
        return score * chrome(block);
    }

    private static double entryScore(String title, boolean dated) {
        return titleWeight(title) * (dated ? 1 : UNDATED);
    }

    private static double chrome(RepeatedBlocks.Block block) {
        return PageChrome.isChrome(block.containers().get(0)) ? CHROME : 1;
    }

    private static boolean credible(ListingCandidate c) {
        int n = c.entries().size();
        return n >= RepeatedBlocks.MIN_ITEMS && 2 * c.dated() >= n && c.score() >= MIN_SCORE_PER_ENTRY * n;
    }

    /** 0 for pager and "more" links, up to 1 for a text of article-title length. */
    static double titleWeight(String title) {
        String t = title.strip();
        if (t.isEmpty() || PAGER.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
            return 0;
        }
        int han = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return Math.min(1.0, (words + han / 2.0) / TITLE_UNITS);
    }
}
