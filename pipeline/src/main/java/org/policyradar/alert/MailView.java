package org.policyradar.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an alert mail shows, prepared for the templates in {@code org/policyradar/alert/mail/}: plain values and
 * lists only, no markup. The templates escape every value; the only structure made here is which stretches of a
 * text are evidence terms ({@link Segment#mark()}) or a diff's deletions and insertions ({@link DiffPart}).
 *
 * @param kind       the alert's type: selects {@code mail/<kind>.mustache}, or {@code mail/items.mustache}
 * @param heading    the kind as a person says it ("Topic spike", "Plan adjustment", …)
 * @param why        why it fired, one paragraph per line
 * @param chartCid   the Content-ID of the digest's inline chart, or null when there is none
 */
record MailView(String kind, String heading, String title, List<String> why, String sourceName, String date,
                String link, String kibanaUrl, String kibanaView, List<ItemView> items, int more, List<DiffPart> diff,
                Versions versions, List<String> signalsMoved, List<String> summaryLines, String chartCid) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern DIFF_MARK = Pattern.compile("\\[-(.*?)-]|\\{\\+(.*?)\\+}", Pattern.DOTALL);
    private static final String SIGNAL_LINE = "Signal moved: ";

    /** A stretch of text, marked when it is an evidence term. */
    record Segment(String text, boolean mark) {
    }

    /** A stretch of a diff: unchanged context, a deletion or an insertion. */
    record DiffPart(String text, boolean del, boolean ins) {
    }

    /** A topic of an item and the terms that were the evidence for it. */
    record TopicView(String id, String terms) {
    }

    /** The two versions a change alert compares. */
    record Versions(int previous, String previousDate, int current, String currentDate) {
    }

    /** An item as listed in a mail; {@code gloss}: a Chinese item's matched terms and actors in English, or null. */
    record ItemView(List<Segment> title, String url, String sourceName, String date, List<Segment> summary,
                    List<TopicView> topics, String lang, String gloss) {
    }

    static MailView of(Alert a, String chartCid) {
        boolean change = a.type() == AlertType.CHANGE;
        boolean digest = a.type() == AlertType.DIGEST;
        List<String> lines = a.summary() == null ? List.of() : a.summary().strip().lines().filter(l -> !l.isBlank()).toList();
        List<String> signals = lines.stream().filter(l -> l.startsWith(SIGNAL_LINE)).toList();
        List<String> rest = lines.stream().filter(l -> !l.startsWith(SIGNAL_LINE)).toList();
        List<String> why = change || digest ? List.of(why(a)) : rest;
        // the alert's own source (a changed page); items show theirs, a spike or watch spans several
        String sourceName = a.source() != null ? name(a.source().name(), a.source().id()) : null;
        List<ItemView> items = change || a.items() == null ? List.of() : a.items().stream().map(MailView::item).toList();
        int more = a.itemsCount() != null && !digest ? Math.max(0, a.itemsCount() - items.size()) : 0;
        Versions versions = change && a.version() != null
                ? new Versions(a.version() - 1, date(a.windowStart()), a.version(), date(a.windowEnd())) : null;
        return new MailView(a.type().wireName(), a.type().heading(), a.title(), why, sourceName, change ? date(a.windowEnd()) : null,
                safe(a.url()), safe(a.kibanaUrl()), kibanaView(a.kibanaUrl()), items, more, diff(a.diff()), versions,
                signals, change || digest ? rest : List.of(), chartCid);
    }

    private static String why(Alert a) {
        if (a.type() == AlertType.CHANGE) {
            return "A tracked page changed: version " + a.version() + " differs from version " + (a.version() - 1)
                    + " in the text that matters (dates, counters and boilerplate ignored).";
        }
        return "The new items of " + date(a.windowStart()) + " – " + date(a.windowEnd()) + ", by topic, with this period's "
                + "spikes and plan adjustments.";
    }

    private static ItemView item(Alert.AlertItem i) {
        List<String> terms = evidenceTerms(i.evidence());
        List<TopicView> topics = new ArrayList<>();
        if (i.topics() != null) {
            for (String t : i.topics()) {
                List<String> ev = i.evidence() == null ? List.of() : i.evidence().getOrDefault(t, List.of());
                topics.add(new TopicView(t, String.join(", ", new LinkedHashSet<>(ev))));
            }
        }
        return new ItemView(highlight(i.title() == null ? "(untitled)" : i.title(), terms), safe(i.url()),
                name(i.sourceName(), i.source()), date(i.published()), i.summary() == null ? List.of() : highlight(i.summary(), terms),
                topics, i.lang(), i.gloss() == null || i.gloss().isBlank() ? null : i.gloss());
    }

    private static List<String> evidenceTerms(Map<String, List<String>> evidence) {
        if (evidence == null) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        evidence.values().forEach(v -> v.stream().filter(t -> t != null && !t.isBlank()).forEach(terms::add));
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // the longest term wins an overlap
        return sorted;
    }

    /** The text cut into stretches, the evidence terms marked (case-insensitive). */
    static List<Segment> highlight(String text, List<String> terms) {
        if (terms.isEmpty()) {
            return List.of(new Segment(text, false));
        }
        StringBuilder alternatives = new StringBuilder();
        for (String t : terms) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(t));
        }
        Matcher m = Pattern.compile(alternatives.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        List<Segment> out = new ArrayList<>();
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Segment(text.substring(at, m.start()), false));
            }
            out.add(new Segment(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }

    /** A diff in {@code [-removed-]{+added+}} notation ({@code change/Diff#render}) as stretches. */
    static List<DiffPart> diff(String diff) {
        if (diff == null || diff.isBlank()) {
            return List.of();
        }
        String text = diff.strip();
        List<DiffPart> out = new ArrayList<>();
        Matcher m = DIFF_MARK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new DiffPart(text.substring(at, m.start()), false, false));
            }
            out.add(m.group(1) != null ? new DiffPart(m.group(1), true, false) : new DiffPart(m.group(2), false, true));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new DiffPart(text.substring(at), false, false));
        }
        return out;
    }

    /** Only http(s) links become links: a {@code javascript:} URL from a source is never one. */
    static String safe(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
    }

    /** The data view a Discover link opens ({@code index:'…'} in its app state), for the reader to see. */
    private static String kibanaView(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = Pattern.compile("index:'([^']+)'").matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static String name(String name, String id) {
        return name != null && !name.isBlank() ? name : id;
    }

    static String date(Instant t) {
        return t == null ? null : DATE.format(t);
    }
}
