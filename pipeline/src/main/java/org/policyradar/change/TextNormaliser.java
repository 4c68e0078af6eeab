package org.policyradar.change;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.policyradar.item.Sha256;

/**
 * Reduces a page's main text to what a reader would call its content before it is hashed and diffed: page dates,
 * "last updated" lines and view counters change on every fetch and must not look like an edit of the document.
 * Built-in rules cover the common forms (English, German, French, Chinese); sources add their own regexes.
 */
public final class TextNormaliser {
    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July"
            + "|August|September|October|November|December|Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril"
            + "|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\\.?";
    private static final String WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Fri|Sat|Sun)[a-z]*\\.?,?\\s*|星期[一二三四五六日天]\\s*)?";
    private static final String DATE = "(?:" + WEEKDAY + "(?:\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
            + "|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}"
            + "|\\d{1,2}\\.?\\s+" + MONTH + "\\s+\\d{4}"
            + "|" + MONTH + "\\s+\\d{1,2},?\\s+\\d{4}))";
    private static final String TIME = "(?:\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*(?:[AaPp]\\.?[Mm]\\.?|Uhr|UTC|GMT|CET|CEST|h))?)";
    private static final String STAMP = "(?:" + DATE + "(?:\\s*,?\\s*(?:at\\s+|um\\s+|à\\s+)?" + TIME + ")?|" + TIME + ")";

    /** Built-in rules: each match is removed; a line left empty is dropped. */
    static final List<Pattern> DEFAULTS = List.of(
            // a line that is only a date and/or time
            Pattern.compile("^\\s*" + STAMP + "\\s*$"),
            // "Last updated: 3 March 2025", "Page last modified on ...", "Stand: 01.02.2025", "Mis à jour le ..."
            Pattern.compile("(?i)(?:page\\s+)?(?:last\\s+(?:updated|modified|reviewed|changed)"
                    + "|zuletzt\\s+(?:aktualisiert|geändert)(?:\\s+am)?|aktualisiert\\s+am|stand|(?:dernière\\s+)?mise\\s+à\\s+jour(?:\\s+le)?"
                    + "|mis\\s+à\\s+jour\\s+le)\\s*[:：]?\\s*" + STAMP),
            // 发布时间：2024-04-24 10:15, 更新日期: ..., 时间：...
            Pattern.compile("(?:发布|更新|修改|发稿|成文)?(?:时间|日期)\\s*[:：]\\s*" + STAMP),
            // counters: 浏览次数：123, 阅读量 45, 点击数: 6次, Views: 789, 1,234 views, Aufrufe: 12
            Pattern.compile("(?i)(?:浏览次数|浏览量|阅读次数|阅读量|阅读数|访问量|访问次数|点击数|点击量|点击次数|(?:page\\s*)?views?|hits|visits|aufrufe|vues)"
                    + "\\s*[:：]?\\s*\\d[\\d,.]*\\s*次?"),
            Pattern.compile("(?i)\\d[\\d,.]*\\s*(?:views|page\\s+views|次浏览|次阅读|人阅读|次点击)"),
            // a "print / share / font size" tool line left by the extractor: 【打印】【关闭】 字号：大 中 小
            Pattern.compile("[【\\[](?:打印|关闭|收藏|分享|打印本页|关闭窗口)[】\\]]"),
            Pattern.compile("字号\\s*[:：]\\s*[大中小](?:\\s*[大中小])*"));

    private final List<Pattern> rules;

    /** @param extra a source's own ignore rules (regexes, matched per line, each match removed) */
    public TextNormaliser(List<Pattern> extra) {
        List<Pattern> all = new ArrayList<>(DEFAULTS);
        all.addAll(extra);
        this.rules = List.copyOf(all);
    }

    public static TextNormaliser defaults() {
        return new TextNormaliser(List.of());
    }

    /** The text without boilerplate, one paragraph per line, whitespace collapsed, empty lines dropped. */
    public String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            String l = line.replace('\u00a0', ' ').replace('\u3000', ' ');
            for (Pattern p : rules) {
                l = p.matcher(l).replaceAll("");
            }
            l = l.replaceAll("\\s+", " ").strip();
            if (!l.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }

    /** SHA-256 (hex) of a normalised text. */
    public static String hash(String normalised) {
        return Sha256.hex(normalised, 32);
    }
}
