package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.listing.ListingFixtures;
import org.policyradar.listing.ListingFixtures.Expected;
import org.policyradar.listing.ListingFixtures.Fixture;
import org.policyradar.testing.IndexedItems;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@code listing: auto} and the stale-selector fallback through {@code radar run --once}, from a real local HTTP server
 * into the real Elasticsearch: a source without selectors is indexed entry for entry; a source whose selectors no
 * longer match is indexed through the detected listing and shown as {@code selectors_stale} with the suggested
 * selectors in {@code radar sources} and its JSON, also after a 304; {@code auto} on a page without a listing fails
 * the poll by name.
 */
class ListingFallbackEndToEndTest {
    private static LocalHttpServer server;
    private static ElasticsearchConnection es;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        server = new LocalHttpServer();
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
    }

    @AfterAll
    static void stop() {
        server.close();
        es.close();
    }

    /** Serves the fixture at its own path on the local server, with an ETag; @return the page's local URL. */
    private static URI serve(Fixture fixture, String etag) {
        URI real = URI.create(fixture.baseUrl());
        server.serve(real.getPath(), LocalHttpServer.Resource.withEtag(fixture.html().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8", etag));
        return server.uri(real.getPath());
    }

    /** The fixture's expected entries with their links on the local server. */
    private static Map<String, Expected> expectedLocally(Fixture fixture) {
        URI real = URI.create(fixture.baseUrl());
        String origin = real.getScheme() + "://" + real.getHost();
        Map<String, Expected> out = new HashMap<>();
        for (Expected e : fixture.expected()) {
            String local = server.uri("/").toString().replaceAll("/$", "") + e.url().substring(origin.length());
            out.put(local, new Expected(e.title(), local, e.date()));
        }
        return out;
    }

    private static void config(Path dir, String sources) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n" + sources);
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
    }

    private static Map<String, JsonNode> sourcesJson(Path dir) throws IOException {
        CliHarness.Result r = CliHarness.run("sources", "--json", "--config", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, JsonNode> out = new HashMap<>();
        for (String line : r.out().strip().split("\n")) {
            JsonNode n = JSON.readTree(line);
            out.put(n.path("source").path("id").asText(), n);
        }
        return out;
    }

    private static void assertIndexedAsExpected(String sourceId, Map<String, Expected> expected, ZoneId zone) throws IOException {
        Map<String, JsonNode> docs = IndexedItems.byUrl(es.client(), sourceId);
        assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        docs.forEach((url, doc) -> {
            Expected e = expected.get(url);
            assertThat(doc.path("title").asText()).isEqualTo(e.title());
            assertThat(LocalDate.ofInstant(java.time.Instant.parse(doc.path("published").asText()), zone)).isEqualTo(e.date());
            assertThat(doc.path("published_estimated").asBoolean()).isFalse();
        });
    }

    @Test
    void anAutoSourceIsIndexedAndAStaleOneThroughTheDetectedListingAndFlagged(@TempDir Path dir) throws Exception {
        Fixture ndrc = ListingFixtures.load("ndrc-tz");
        Fixture enisa = ListingFixtures.load("enisa-news");
        URI ndrcUrl = serve(ndrc, "\"ndrc-1\"");
        URI enisaUrl = serve(enisa, "\"enisa-1\"");
        config(dir, """
                  - {id: ndrc-auto, name: NDRC notices, region: CN, language: zh, kind: html, url: "%s", schedule: 1h, listing: auto}
                  - id: enisa-stale
                    name: ENISA news
                    region: EU
                    language: en
                    kind: html
                    url: "%s"
                    schedule: 1h
                    listing: { item: "div.news-list article", link: "h2 a", date: "span.date" }
                """.formatted(ndrcUrl, enisaUrl));

        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("ndrc-auto\\s+200\\s+10\\s+10\\s").containsPattern("enisa-stale\\s+200\\s+8\\s+8\\s");
        assertIndexedAsExpected("ndrc-auto", expectedLocally(ndrc), ZoneId.of("Asia/Shanghai"));
        assertIndexedAsExpected("enisa-stale", expectedLocally(enisa), ZoneOffset.UTC);

        Map<String, JsonNode> health = sourcesJson(dir);
        JsonNode auto = health.get("ndrc-auto");
        assertThat(auto.path("state").asText()).isEqualTo("ok");
        assertThat(auto.path("selectors_stale").asBoolean()).isFalse();
        assertThat(auto.path("listing_detected").path("item").asText()).isEqualTo("ul.u-list > li");
        JsonNode stale = health.get("enisa-stale");
        assertThat(stale.path("state").asText()).isEqualTo("selectors_stale");
        assertThat(stale.path("selectors_stale").asBoolean()).isTrue();
        assertThat(stale.path("listing_detected").path("item").asText()).isEqualTo("div.view-content > div");
        assertThat(stale.path("listing_detected").path("link").asText()).isEqualTo("h3 > a");
        assertThat(stale.path("listing_note").asText()).contains("selectors matched nothing").contains("div.view-content > div");

        CliHarness.Result table = CliHarness.run("sources", "--config", dir.toString());
        assertThat(table.out()).containsPattern("enisa-stale\\s+EU\\s+html\\s+selectors_stale\\s.*selectors matched nothing; "
                + "this poll used the detected listing \\(8 entries\\): item=\"div.view-content > div\" link=\"h3 > a\" date=\"time\"");
        assertThat(table.out()).containsPattern("ndrc-auto\\s+CN\\s+html\\s+ok\\s");

        // The page answers 304 next time: its selectors are as stale as before, and the flag stays.
        CliHarness.Result again = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).containsPattern("enisa-stale\\s+304\\s");
        assertThat(sourcesJson(dir).get("enisa-stale").path("state").asText()).isEqualTo("selectors_stale");
        assertThat(IndexedItems.byUrl(es.client(), "enisa-stale")).hasSize(8);
    }

    @Test
    void autoOnAPageWithoutAListingFailsThePollByNameAndConfiguredSelectorsThatWorkAreNotFlagged(@TempDir Path dir)
            throws Exception {
        server.serve("/about/index.html", LocalHttpServer.Resource.ok("""
                <html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li>
                <li><a href="/contact">Contact</a></li></ul></nav><div class="content"><h1>About us</h1><p>We publish policy.</p></div>
                </body></html>""".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        Fixture bsi = ListingFixtures.load("bsi-presse");
        URI bsiUrl = serve(bsi, null);
        config(dir, """
                  - {id: about-auto, name: No listing, region: EU, language: en, kind: html, url: "%s", schedule: 1h, listing: auto}
                  - id: bsi-configured
                    name: BSI press releases
                    region: EU
                    language: de
                    kind: html
                    url: "%s"
                    schedule: 1h
                    listing: { item: "div.c-search-result-item", link: "h2 a", date: "span.c-search-result-item__date" }
                """.formatted(server.uri("/about/index.html"), bsiUrl));
        CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).containsPattern("about-auto\\s+200\\s.*listing: auto found no block of repeated dated links");
        assertIndexedAsExpected("bsi-configured", expectedLocally(bsi), ZoneOffset.UTC);
        Map<String, JsonNode> health = sourcesJson(dir);
        assertThat(health.get("about-auto").path("state").asText()).isEqualTo("failing");
        assertThat(health.get("bsi-configured").path("state").asText()).isEqualTo("ok");
        assertThat(health.get("bsi-configured").has("listing_detected")).isFalse();
        assertThat(List.of(health.get("bsi-configured").path("selectors_stale").asBoolean())).containsExactly(false);
    }
}
