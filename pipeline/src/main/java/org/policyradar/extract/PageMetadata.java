package org.policyradar.extract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.policyradar.dates.YearFirstDate;

/** Title, publication date and declared language of a page: read before the page is cleaned. */
final class PageMetadata {
    /** A Chinese date label right before a date: the date is then Beijing time even when written 2024-04-24. */
    private static final Pattern CN_LABEL_BEFORE = Pattern.compile("(?:时间|日期)[:：]?\\s*$");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s*[|_–—-]\\s*[^|_–—-]{1,40}$");
    private static final Pattern LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

    private PageMetadata() {
    }

    static String title(Document doc) {
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

    static Instant metaDate(Document doc) {
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
        Matcher ld = LD_DATE.matcher(doc.select("script[type=application/ld+json]").html());
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
        return YearFirstDate.find(text).map(d -> {
            boolean chinese = d.chinese() || CN_LABEL_BEFORE.matcher(text.substring(Math.max(0, d.start() - 6), d.start())).find();
            return d.dateTime().atZone(chinese ? ZoneId.of("Asia/Shanghai") : ZoneId.of("UTC")).toInstant();
        }).orElse(null);
    }

    static String lang(Document doc) {
        Element html = doc.selectFirst("html[lang]");
        if (html != null && !html.attr("lang").isBlank()) {
            return html.attr("lang").strip().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        Element meta = doc.selectFirst("meta[http-equiv=content-language]");
        return meta == null || meta.attr("content").isBlank() ? null : meta.attr("content").strip().toLowerCase(Locale.ROOT);
    }

    static double cjkShare(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        long cjk = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return cjk / (double) text.length();
    }
}
