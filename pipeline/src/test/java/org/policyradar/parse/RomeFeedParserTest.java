package org.policyradar.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class RomeFeedParserTest {
    private static final Instant FETCHED = Instant.parse("2026-03-01T00:00:00Z");
    private static final URI BASE = URI.create("https://example.org/news/feed.xml");
    private final RomeFeedParser parser = new RomeFeedParser(new FeedDecoder());

    private static String rss(String lang, String items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://example.org/</link>" + (lang == null ? "" : "<language>" + lang + "</language>")
                + items + "</channel></rss>";
    }

    private static String item(String title, String link, String pubDate) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>";
    }

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse("src", xml.getBytes(StandardCharsets.UTF_8), null, null, BASE, FETCHED);
    }

    @Test
    void datesRomeCannotReadComeFromTheFallbackAndMissingDatesAreEstimated() throws Exception {
        ParsedFeed feed = parse(rss("zh-HK", item("a", "/a", "Sat, 08 Aug 2020 06:00:00 HKT")
                + item("b", "/b", "2019年4月1日 08:30") + item("c", "/c", null) + item("d", "/d", "not a date")));
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("a", "b", "c", "d");
        assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2020-08-07T22:00:00Z"));
        assertThat(feed.entries().get(1).published()).isEqualTo(Instant.parse("2019-04-01T00:30:00Z"));
        assertThat(feed.entries().get(1).publishedEstimated()).isFalse();
        assertThat(feed.entries().get(2).published()).isEqualTo(FETCHED);
        assertThat(feed.entries().get(2).publishedEstimated()).isTrue();
        assertThat(feed.entries().get(3).publishedEstimated()).isTrue();
    }

    @Test
    void linksResolveAgainstTheFeedUrlAndDuplicatesAreKeptOnce() throws Exception {
        ParsedFeed feed = parse(rss(null, item("a", "/a", null) + item("a again", "https://example.org/a", null)
                + item("b", "b.html", null)));
        assertThat(feed.entries()).extracting(FeedEntry::link)
                .containsExactly("https://example.org/a", "https://example.org/news/b.html");
    }

    @Test
    void entriesWithoutLinkAreKeptWhenTheyHaveTextAndPhantomsAreSkipped() throws Exception {
        ParsedFeed feed = parse(rss(null, item("no link", null, null) + "<item></item><item><title> </title></item>"));
        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.link()).isNull();
            assertThat(e.dedupeKey()).isEqualTo("title:no link");
        });
        assertThat(feed.skipped()).isEqualTo(2);
    }

    @Test
    void entryCountAndFieldLengthAreBounded() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            items.append(item("t" + i + "x".repeat(50), "/" + i, null));
        }
        RomeFeedParser bounded = new RomeFeedParser(new FeedDecoder(), new RomeFeedParser.Limits(3, 20, 100, 1024));
        ParsedFeed feed = bounded.parse("src", rss(null, items.toString()).getBytes(StandardCharsets.UTF_8), null, null, BASE, FETCHED);
        assertThat(feed.entries()).hasSize(3);
        assertThat(feed.skipped()).isEqualTo(7);
        assertThat(feed.entries()).allSatisfy(e -> assertThat(e.title()).hasSize(20));
    }

    @Test
    void aGzipBombIsRefusedWithANamedError() throws Exception {
        byte[] bomb = gzip(new byte[4 * 1024 * 1024]);
        RomeFeedParser bounded = new RomeFeedParser(new FeedDecoder(), new RomeFeedParser.Limits(10, 100, 100, 1024 * 1024));
        assertThatThrownBy(() -> bounded.parse("src", bomb, null, null, BASE, FETCHED))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("source=src").hasMessageContaining("cannot be inflated");
    }

    @Test
    void gzipWithoutHeaderIsInflatedAndReported() throws Exception {
        byte[] body = gzip(rss(null, item("zipped", "/z", null)).getBytes(StandardCharsets.UTF_8));
        ParsedFeed feed = parser.parse("src", body, "application/rss+xml", null, BASE, FETCHED);
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("zipped");
        assertThat(feed.repairs()).containsExactly("gunzip");
    }

    @Test
    void whatIsNotAFeedFailsWithOneErrorNamingSourceAndReason() {
        assertThatThrownBy(() -> parse("<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</body></html>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("source=src").hasMessageContaining("not an RSS/Atom/RDF feed")
                .satisfies(e -> assertThat(((FeedParseException) e).sourceId()).isEqualTo("src"));
        assertThatThrownBy(() -> parser.parse("src", new byte[0], null, null, BASE, FETCHED))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("empty response body");
        assertThatThrownBy(() -> parse("{\"json\": true}"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("not XML");
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>cut off"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("no entry could be recovered");
    }

    @Test
    void aTruncatedFeedKeepsTheEntriesBeforeTheCut() throws Exception {
        String cut = rss(null, item("one", "/1", null) + item("two", "/2", null)).replace("</item></channel></rss>", "");
        ParsedFeed feed = parse(cut.substring(0, cut.length() - 3));
        assertThat(feed.entries()).extracting(FeedEntry::title).contains("one");
        assertThat(feed.repairs()).contains("lenient_xml");
    }

    @Test
    void controlCharactersAndStrayMarkupDoNotLoseTheFeed() throws Exception {
        ParsedFeed feed = parse(rss(null, item("bell\u0007 and form\u000Cfeed", "/x?a=1&b=2", null)
                + item("1 < 2 & 3 > 2", "/y", null)));
        assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly("bell and formfeed", "1 < 2 & 3 > 2");
        assertThat(feed.entries().get(0).link()).isEqualTo("https://example.org/x?a=1&b=2");
    }

    @Test
    void atomEntriesCarryTheirOwnLanguageAndFeedBurnerOriginalLinksWin() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>A</title><id>urn:a</id>"
                + "<updated>2026-01-01T00:00:00Z</updated><entry xml:lang=\"de\"><title>Hallo</title><id>urn:1</id>"
                + "<link href=\"https://example.org/1\"/><updated>2026-01-01T10:00:00Z</updated></entry></feed>";
        assertThat(parse(atom).entries()).singleElement().satisfies(e -> {
            assertThat(e.lang()).isEqualTo("de");
            assertThat(e.guid()).isEqualTo("urn:1");
            assertThat(e.published()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        });
        String burner = "<rss version=\"2.0\" xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"><channel>"
                + "<title>F</title><item><title>x</title><link>http://feedproxy.google.com/~r/x/1</link>"
                + "<feedburner:origLink>https://publisher.example/story</feedburner:origLink></item></channel></rss>";
        assertThat(parse(burner).entries().get(0).link()).isEqualTo("https://publisher.example/story");
    }

    @Test
    void theCharsetOverrideIsAppliedBeforeParsing() throws Exception {
        byte[] bytes = rss(null, item("Новости Оренбурга", "/n", null)).getBytes(Charset.forName("windows-1251"));
        ParsedFeed feed = parser.parse("src", bytes, "text/xml; charset=utf-8", "windows-1251", BASE, FETCHED);
        assertThat(feed.entries().get(0).title()).isEqualTo("Новости Оренбурга");
        assertThat(feed.encoding()).isEqualTo("windows-1251");
        assertThatThrownBy(() -> parser.parse("src", bytes, null, "nope", BASE, FETCHED))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("source=src").hasMessageContaining("nope");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
