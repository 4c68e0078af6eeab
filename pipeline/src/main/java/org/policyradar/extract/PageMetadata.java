package org.policyradar.extract;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Title, publication date and declared language of a page: read before the page is cleaned. */
final class PageMetadata {
    private static final Pattern CN_DATE = Pattern.compile(
            "(?:发布时间|发布日期|时间|日期)?[:：]?\\s*(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})日?\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)?");
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
