package org.policyradar.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the shared feed corpus ({@code radar.shared.dir}/corpus/feeds, never copied into the repo) against
 * EXPECTED.tsv: the number of distinct entries and a title that must come out exactly, or the named error the notes
 * allow. Skipped when the corpus is absent. Prints a summary table at the end.
 */
class CorpusFeedsTest {
    private static final Instant FETCHED = Instant.parse("2026-03-01T00:00:00Z");
    /** Mojibake left over: a UTF-8 lead byte read as windows-1252 followed by a continuation byte read the same way. */
    private static final Pattern MOJIBAKE = Pattern.compile("[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïð]"
            + "[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]");
    private static final Pattern LINK_NOTE = Pattern.compile("link must be (\\S+)");

    /**
     * Where our count differs from EXPECTED.tsv on purpose. The PCMag feed has 10 real items, each with an empty
     * {@code <item />} nested inside; EXPECTED's 11 counts the empty phantom as one more distinct entry (what
     * feedparser yields: 10 items + identical empty ones). Returning a phantom would be the bug the note warns about.
     */
    private static final Map<String, Integer> DELIBERATE_COUNTS = Map.of("nasty_illegally_nested_pcmag.xml", 10);
    /** Files whose items carry no date element at all: there, dates are the fetch time, marked estimated. */
    private static final Set<String> UNDATED = Set.of("legacy_rss10_rdf.xml", "legacy_rss091_netscape.xml", "nasty_corrupted_ampersands.xml",
            "nasty_gb2312_no_decl.xml", "nasty_incomplete_cdata.xml");
    /** Stretch goals of the notes: the double-encoded feeds' titles, repaired. */
    private static final Map<String, String> REPAIRED_FEED_TITLES = Map.of(
            "nasty_lemonde_double_encoded.xml", "Le Monde.fr - Actualités et Infos en France et dans le monde",
            "nasty_yandex_double_encoded_ru.xml", "Яндекс.Новости: Москва",
            "nasty_faz_double_encoded_de.xml", "Aktuell - FAZ.NET");

    /**
     * Decoding checks where EXPECTED has no title: the Big5 fixture has no entries, only a feed title (its source
     * already holds some literal '?'), so the readable part of that title must come out.
     */
    private static final Map<String, String> FEED_TITLE_FRAGMENTS = Map.of(
            "nasty_big5_no_decl.xml", "成中文，并有助于改");

    private record Expected(String file, String entries, String title, String note) {
    }

    private record Row(String file, String expected, String got, String titleCheck, String repairs, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final RomeFeedParser parser = new RomeFeedParser(new FeedDecoder());

    @TestFactory
    Stream<DynamicTest> everyCorpusFeed() throws IOException {
        Path dir = corpusDir();
        List<Expected> expected = Files.readAllLines(dir.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .map(c -> new Expected(c[0], c[1], c.length > 2 ? c[2] : "", c.length > 3 ? c[3] : "")).toList();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> xml = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
            assertThat(expected.stream().map(Expected::file).sorted().toList())
                    .as("EXPECTED.tsv lists every corpus file").isEqualTo(xml);
        }
        Stream<DynamicTest> perFile = expected.stream()
                .map(e -> DynamicTest.dynamicTest(e.file(), () -> check(dir, e)));
        return Stream.concat(perFile, Stream.of(DynamicTest.dynamicTest("summary", this::printSummary)));
    }

    static Path corpusDir() {
        return org.policyradar.testing.SharedCorpus.path("corpus/feeds/EXPECTED.tsv").getParent();
    }

    private void check(Path dir, Expected e) throws IOException {
        byte[] body = Files.readAllBytes(dir.resolve(e.file()));
        ParsedFeed feed;
        try {
            feed = parser.parse(e.file(), body, null, null, URI.create("https://corpus.test/feeds/" + e.file()), FETCHED);
        } catch (FeedParseException error) {
            boolean errorAllowed = e.entries().contains("error") || e.note().contains("named error");
            rows.add(new Row(e.file(), e.entries(), "error", "-", "-", errorAllowed ? "ok (named error)" : "FAIL"));
            assertThat(error.getMessage()).contains("source=" + e.file()).contains("reason=");
            if (!errorAllowed) {
                fail("unexpected failure: " + error.getMessage(), error);
            }
            return;
        }
        int got = feed.entries().size();
        String titleCheck = "-";
        List<String> problems = new ArrayList<>();
        int wanted = DELIBERATE_COUNTS.getOrDefault(e.file(), -1);
        if (!countMatches(e.entries(), got, wanted)) {
            problems.add("entries: expected " + e.entries() + (wanted >= 0 ? " (deliberately " + wanted + ")" : "")
                    + " got " + got);
        }
        if (!e.title().isEmpty()) {
            boolean found = feed.entries().stream().anyMatch(x -> e.title().equals(x.title()));
            titleCheck = found ? "exact" : "MISSING";
            if (!found) {
                problems.add("title missing: " + e.title() + " in " + feed.entries().stream().map(FeedEntry::title).limit(5).toList());
            }
        }
        String repairedTitle = REPAIRED_FEED_TITLES.get(e.file());
        if (repairedTitle != null) {
            titleCheck = repairedTitle.equals(feed.title()) ? "repaired" : "NOT REPAIRED";
            if (!repairedTitle.equals(feed.title())) {
                problems.add("feed title not repaired: " + feed.title());
            }
        }
        String fragment = FEED_TITLE_FRAGMENTS.get(e.file());
        if (fragment != null) {
            boolean found = feed.title() != null && feed.title().contains(fragment);
            titleCheck = found ? "feed title" : "FEED TITLE";
            if (!found) {
                problems.add("feed title not decoded: " + feed.title());
            }
        }
        Matcher link = LINK_NOTE.matcher(e.note());
        if (link.find()) {
            boolean found = feed.entries().stream().anyMatch(x -> link.group(1).equals(x.link()));
            titleCheck = found ? "link exact" : "LINK MISSING";
            if (!found) {
                problems.add("link missing: " + link.group(1) + " in " + feed.entries().stream().map(FeedEntry::link).toList());
            }
        }
        for (FeedEntry entry : feed.entries()) {
            String title = entry.title() == null ? "" : entry.title();
            if (title.indexOf('\uFFFD') >= 0 || MOJIBAKE.matcher(title).find()) {
                problems.add("garbled title: " + title);
            }
            if (entry.publishedEstimated() && !UNDATED.contains(e.file())) {
                problems.add("date not parsed for: " + title);
            }
        }
        rows.add(new Row(e.file(), e.entries() + (wanted >= 0 ? " (assert " + wanted + ")" : ""), String.valueOf(got),
                titleCheck, String.join(",", feed.repairs()), problems.isEmpty() ? "ok" : "FAIL"));
        assertThat(problems).as(e.file()).isEmpty();
    }

    private static boolean countMatches(String expected, int got, int deliberate) {
        if (deliberate >= 0) {
            return got == deliberate;
        }
        Matcher range = Pattern.compile("(\\d+)-(\\d+)").matcher(expected);
        if (range.matches()) {
            return got >= Integer.parseInt(range.group(1)) && got <= Integer.parseInt(range.group(2));
        }
        Matcher number = Pattern.compile("(\\d+).*").matcher(expected);
        return number.matches() && got == Integer.parseInt(number.group(1));
    }

    private void printSummary() {
        StringBuilder sb = new StringBuilder("\nfeed corpus summary\n");
        sb.append(String.format("%-42s %-14s %-6s %-13s %-28s %s%n", "file", "expected", "got", "check", "repairs", "verdict"));
        for (Row r : rows) {
            sb.append(String.format("%-42s %-14s %-6s %-13s %-28s %s%n", r.file(), r.expected(), r.got(), r.titleCheck(),
                    r.repairs(), r.verdict()));
        }
        long ok = rows.stream().filter(r -> r.verdict().startsWith("ok")).count();
        sb.append(ok).append('/').append(rows.size()).append(" files as expected\n");
        System.out.println(sb);
    }
}
