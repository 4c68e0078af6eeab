package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policyradar.dates.YearFirstDate;
import org.policyradar.testing.CorpusDateTexts;

/**
 * The three former year-first date regexes (listing dates, JSON listing dates, an article's date line) and the feed
 * dates' Chinese one, copied here verbatim as they were before {@link YearFirstDate} replaced them, against what the
 * code now answers, on every date-bearing text of the corpus and the listing pages.
 */
class YearFirstDateEquivalenceTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern FORMER_LISTING = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern FORMER_LISTED = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})日?(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern FORMER_PAGE = Pattern.compile(
            "(?:发布时间|发布日期|时间|日期)?[:：]?\\s*(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})日?\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern FORMER_FEED = Pattern.compile(
            "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号號]?"
                    + "(?:\\s*([上下]午)?\\s*(\\d{1,2})[:：时時点點]\\s*(\\d{1,2})(?:[:：分]\\s*(\\d{1,2})秒?)?)?.*");

    private static String formerListing(String text) {
        Matcher m = FORMER_LISTING.matcher(text.replace('\u00A0', ' '));
        if (!m.find()) {
            return "none";
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).toString();
        } catch (DateTimeException e) {
            return "invalid";
        }
    }

    private static String formerListed(String text) {
        String t = text.strip();
        if (t.matches("\\d{9,13}(\\.\\d+)?") || t.length() > 19 && t.charAt(10) == 'T' && offsetDateTime(t)) {
            return str(ListedDate.parse(text, BEIJING)); // epoch numbers and ISO with an offset: unchanged code
        }
        Matcher m = FORMER_LISTED.matcher(t);
        if (!m.find()) {
            return "none";
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6))).atZone(BEIJING).toInstant().toString();
        } catch (DateTimeException e) {
            return "none";
        }
    }

    private static boolean offsetDateTime(String t) {
        try {
            java.time.OffsetDateTime.parse(t);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String formerPage(String text) {
        Matcher m = FORMER_PAGE.matcher(text);
        if (!m.find()) {
            return "none";
        }
        try {
            String time = m.group(4) == null ? "00:00" : m.group(4);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(time.split(":")[0]), Integer.parseInt(time.split(":")[1]));
            boolean chinese = m.group(0).matches(".*[年月日时间].*");
            return local.atZone(chinese ? BEIJING : ZoneId.of("UTC")).toInstant().toString();
        } catch (RuntimeException e) {
            return "none";
        }
    }

    private static String formerFeedChinese(String text) {
        Matcher m = FORMER_FEED.matcher(text.strip().replace('\u00A0', ' '));
        if (!m.matches()) {
            return "none";
        }
        try {
            String hour = m.group(5);
            if ("下午".equals(m.group(4)) && hour != null && Integer.parseInt(hour) < 12) {
                hour = String.valueOf(Integer.parseInt(hour) + 12);
            }
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    hour == null ? 0 : Integer.parseInt(hour), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt(m.group(7))).atZone(BEIJING).toInstant().toString();
        } catch (DateTimeException | NumberFormatException e) {
            return "none";
        }
    }

    @Test
    void theOneParserReadsTheCorpusDatesAsTheThreeFormerRegexesDid() {
        CorpusDateTexts.Texts texts = CorpusDateTexts.all(Path.of("src/test/resources/listing"));
        LocalDate reference = LocalDate.of(2026, 12, 2);
        Map<String, Function<String, String[]>> sites = new TreeMap<>();
        sites.put("listing (ListingDates)", s -> new String[] {formerListing(s),
                YearFirstDate.find(s.replace('\u00A0', ' ')).map(d -> d.date().toString()).orElse("none")});
        sites.put("json listing (ListedDate)", s -> new String[] {formerListed(s), str(ListedDate.parse(s, BEIJING))});
        sites.put("feed (FeedDates, Chinese)", s -> new String[] {formerFeedChinese(s), YearFirstDate.atStart(s.replace('\u00A0', ' '))
                .filter(YearFirstDate::chinese).map(d -> d.dateTime().atZone(BEIJING).toInstant().toString()).orElse("none")});
        sites.put("article date line (PageMetadata)", s -> new String[] {formerPage(s), str(PageMetadata.textDate(s))});
        List<String> all = new ArrayList<>(texts.snippets());
        all.addAll(texts.bodies());
        List<String> unexpected = new ArrayList<>();
        sites.forEach((site, compare) -> {
            int dated = 0;
            int same = 0;
            List<String> differ = new ArrayList<>();
            for (String s : all) {
                String[] r = compare.apply(s);
                dated += r[0].equals("none") && r[1].equals("none") ? 0 : 1;
                if (Objects.equals(r[0], r[1]) || r[0].equals("invalid") && r[1].equals("none")) {
                    same++;
                } else {
                    differ.add(abbreviate(s) + " former=" + r[0] + " now=" + r[1]);
                    if (!allowed(site, r[0], r[1])) {
                        unexpected.add(site + ": " + differ.get(differ.size() - 1));
                    }
                }
            }
            System.out.printf("year-first dates %s: texts=%d with_a_date=%d same=%d differ=%d e.g. %s%n",
                    site, all.size(), dated, same, differ.size(), differ.subList(0, Math.min(5, differ.size())));
        });
        assertThat(all).hasSizeGreaterThan(10_000);
        assertThat(unexpected).isEmpty();
    }

    /**
     * What the one parser reads better: the seconds the article's date line dropped ({@code 10:15:30}), and a time
     * the former regexes did not see at all (after {@code T}, right after 日, or in Chinese units, {@code 10时15分}),
     * where they gave midnight of the same day.
     */
    private static boolean allowed(String site, String former, String now) {
        if (former.equals("none") || now.equals("none")) {
            return false;
        }
        Instant was = Instant.parse(former);
        Instant is = Instant.parse(now);
        boolean secondsKept = site.startsWith("article") && was.equals(is.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        boolean timeRead = List.of(BEIJING, ZoneId.of("UTC")).stream().anyMatch(z -> was.atZone(z).toLocalTime().equals(java.time.LocalTime.MIDNIGHT))
                && Math.abs(java.time.Duration.between(was, is).toHours()) < 24;
        return secondsKept || timeRead;
    }

    private static String str(Instant i) {
        return i == null ? "none" : i.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }
}
