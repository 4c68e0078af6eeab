package org.policyradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            sources:
              - id: miit-policy
                name: MIIT policy documents
                region: CN
                language: zh
                kind: html
                url: https://www.miit.gov.cn/zwgk/zcwj/index.html
                schedule: 1h
                listing: { item: "ul.list li", link: "a", title: "a", date: "span.date" }
                follow: true
                track_changes: true
              - id: heise
                name: heise
                region: EU
                language: de
                kind: feed
                url: https://www.heise.de/rss/heise-atom.xml
                schedule: "0 0/30 * * * ?"
                charset: gb2312
            """;

    private RadarConfig load(String sources, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), sources);
        return new ConfigLoader(env).load(dir);
    }

    @Test
    void readsEveryKeyOfAValidRegistry() throws IOException {
        RadarConfig config = load(GOOD, Map.of());
        assertThat(config.sources()).hasSize(2);
        SourceConfig miit = config.sources().get(0);
        assertThat(miit.kind()).isEqualTo(SourceKind.HTML);
        assertThat(miit.region()).isEqualTo(Region.CN);
        assertThat(miit.schedule().interval()).contains(Duration.ofHours(1));
        assertThat(miit.listing().orElseThrow().item()).isEqualTo("ul.list li");
        assertThat(miit.follow()).isTrue();
        assertThat(miit.trackChanges()).isTrue();
        SourceConfig heise = config.sources().get(1);
        assertThat(heise.schedule().cron()).contains("0 0/30 * * * ?");
        assertThat(heise.charset()).contains("gb2312");
        assertThat(config.elasticsearch().url()).isEmpty();
    }

    @Test
    void environmentWinsOverRadarYamlAndSecretsNeverComeFromIt() throws IOException {
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch:\n  url: http://127.0.0.1:9200\n  username: radar\n");
        RadarConfig config = load(GOOD, Map.of("RADAR_ES_URL", "https://es.example.org:9243", "RADAR_ES_PASSWORD", "s3cret"));
        assertThat(config.elasticsearch().url()).contains("https://es.example.org:9243");
        assertThat(config.elasticsearch().password()).contains("s3cret");
        assertThat(config.elasticsearch().toString()).doesNotContain("s3cret");

        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch:\n  password: hunter2\n");
        assertThatThrownBy(() -> load(GOOD, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("radar.yaml").hasMessageContaining("elasticsearch.password")
                .hasMessageContaining("RADAR_ES_PASSWORD");
    }

    @Test
    void badEntriesNameTheFileTheSourceTheKeyAndTheFix() throws IOException {
        assertError(GOOD.replace("region: CN", "region: ASIA"), "source 'miit-policy'", "key 'region'", "[CN, EU, INT]");
        assertError(GOOD.replace("schedule: 1h", "schedule: hourly"), "source 'miit-policy'", "key 'schedule'", "15m");
        assertError(GOOD.replace("kind: feed", "kind: podcast"), "source 'heise'", "key 'kind'", "[feed, html, json]");
        assertError(GOOD.replace("url: https://www.heise.de/rss/heise-atom.xml", "url: ftp://heise.de/x"), "source 'heise'", "key 'url'", "http");
        assertError(GOOD.replace("charset: gb2312", "charset: klingon-8"), "source 'heise'", "key 'charset'", "klingon-8");
        assertError(GOOD.replace("id: heise", "id: miit-policy"), "source 'miit-policy'", "key 'id'", "duplicate");
        assertError(GOOD.replace("id: heise", "id: Heise News"), "source #2", "key 'id'", "lower-case");
        assertError(GOOD.replace("    name: heise\n", ""), "source 'heise'", "key 'name'", "missing");
        assertError(GOOD.replace("    listing: { item: \"ul.list li\", link: \"a\", title: \"a\", date: \"span.date\" }\n", ""),
                "source 'miit-policy'", "key 'listing'", "item:");
        assertError(GOOD.replace("follow: true", "follow: yes please"), "source 'miit-policy'", "key 'follow'", "true or false");
        assertError(GOOD.replace("track_changes: true", "track_change: true"), "source 'miit-policy'", "unknown key 'track_change'", "track_changes");
        assertError("sources: []\n", "sources.yaml", "key 'sources'", "non-empty");
        assertError("sources:\n  - id: [unclosed\n", "sources.yaml", "not valid YAML", "line");
    }

    @Test
    void anHtmlSourceMayLeaveItsListingToTheDetectorButAFeedMayNot() throws IOException {
        String selectors = "listing: { item: \"ul.list li\", link: \"a\", title: \"a\", date: \"span.date\" }";
        SourceConfig miit = load(GOOD.replace(selectors, "listing: auto"), Map.of()).sources().get(0);
        assertThat(miit.listing()).isEmpty();
        assertThat(miit.listingAuto()).isTrue();
        assertThat(load(GOOD, Map.of()).sources().get(0).listingAuto()).isFalse();
        assertError(GOOD.replace(selectors, "listing: automatic"), "source 'miit-policy'", "key 'listing'", "'automatic' is neither auto");
        assertError(GOOD.replace(selectors, ""), "source 'miit-policy'", "key 'listing'", "or listing: auto");
        assertError(GOOD.replace("charset: gb2312", "listing: auto"), "source 'heise'", "key 'listing'", "only html sources");
    }

    @Test
    void aMissingRegistryTellsWhereItWasLookedFor() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("sources.yaml").toString()).hasMessageContaining("not found");
    }

    private void assertError(String yaml, String... fragments) {
        var assertion = assertThatThrownBy(() -> load(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("sources.yaml").toString());
        for (String f : fragments) {
            assertion.hasMessageContaining(f);
        }
    }

    @Test
    void politenessDefaultsToOneSecondAndTwoPerHostAndCanBeSet() throws IOException {
        assertThat(load(GOOD, Map.of()).politeness()).isEqualTo(new Politeness(Duration.ofSeconds(1), 2));
        Files.writeString(dir.resolve("radar.yaml"), "politeness: {host_delay: 250ms, host_concurrency: 3}\n");
        assertThat(load(GOOD, Map.of()).politeness()).isEqualTo(new Politeness(Duration.ofMillis(250), 3));
    }

    @Test
    void badPolitenessNamesFileKeyAndFix() throws IOException {
        Files.writeString(dir.resolve("radar.yaml"), "politeness: {host_delay: soon}\n");
        assertThatThrownBy(() -> load(GOOD, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("radar.yaml").hasMessageContaining("politeness.host_delay").hasMessageContaining("'soon'")
                .hasMessageContaining("e.g. 500ms");
        Files.writeString(dir.resolve("radar.yaml"), "politeness: {host_concurrency: 0}\n");
        assertThatThrownBy(() -> load(GOOD, Map.of())).hasMessageContaining("politeness.host_concurrency")
                .hasMessageContaining("1 to 64");
        Files.writeString(dir.resolve("radar.yaml"), "politeness: {delay: 1s}\n");
        assertThatThrownBy(() -> load(GOOD, Map.of())).hasMessageContaining("politeness").hasMessageContaining("'delay'")
                .hasMessageContaining("host_delay");
    }

    private static final String JSON_SOURCE = """
            sources:
              - id: xinhua-tech
                name: Xinhua tech
                region: CN
                language: zh
                kind: json
                url: https://www.news.cn/tech/ds_11c0f8b2.json
                schedule: 30m
                json: { items: "$.datasource[*]", title: title, link: publishUrl, date: publishTime }
                method: POST
                body: "p=1"
                headers: { Referer: "https://www.news.cn/tech/" }
                user_agent: "Mozilla/5.0 (X11; Linux x86_64)"
            """;

    @Test
    void aJsonSourceReadsItsPathsAndRequest() throws IOException {
        SourceConfig s = load(JSON_SOURCE, Map.of()).sources().get(0);
        assertThat(s.kind()).isEqualTo(SourceKind.JSON);
        JsonListing json = s.json().orElseThrow();
        assertThat(json.items()).isEqualTo("$.datasource[*]");
        assertThat(json.title()).isEqualTo("$.title");
        assertThat(json.date()).contains("$.publishTime");
        assertThat(json.summary()).isEmpty();
        assertThat(s.request().method()).isEqualTo("POST");
        assertThat(s.request().body()).contains("p=1");
        assertThat(s.request().headers()).containsEntry("Referer", "https://www.news.cn/tech/");
        assertThat(s.request().userAgent()).contains("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(load(GOOD, Map.of()).sources().get(1).request()).isEqualTo(RequestOptions.GET);
    }

    @Test
    void invalidSelectorsPathsAndJsonKeysAreRefusedAtLoadNamingFileSourceAndKey() {
        assertError(GOOD.replace("item: \"ul.list li\"", "item: \"ul[[\""), "source 'miit-policy'", "key 'listing.item'",
                "'ul[['", "not a valid CSS selector");
        assertError(GOOD.replace("date: \"span.date\"", "date: \"span..date\""), "source 'miit-policy'", "key 'listing.date'",
                "not a valid CSS selector");
        assertError(JSON_SOURCE.replace("\"$.datasource[*]\"", "\"$.datasource[*\""), "source 'xinhua-tech'", "key 'json.items'",
                "not a valid JSONPath");
        assertError(JSON_SOURCE.replace("\"$.datasource[*]\"", "datasource"), "source 'xinhua-tech'", "key 'json.items'",
                "from the root");
        assertError(JSON_SOURCE.replace("title: title,", "title: \"ti[tle\","), "source 'xinhua-tech'", "key 'json.title'",
                "not a valid JSONPath");
        assertError(JSON_SOURCE.replace("link: publishUrl,", ""), "source 'xinhua-tech'", "key 'link'", "missing");
        assertError(JSON_SOURCE.replace("date: publishTime", "published: publishTime"), "source 'xinhua-tech'", "key 'json'",
                "unknown key 'published'");
        assertError(JSON_SOURCE.replace("    json: { items: \"$.datasource[*]\", title: title, link: publishUrl, date: publishTime }\n", ""),
                "source 'xinhua-tech'", "key 'json'", "needs JSONPaths");
        assertError(JSON_SOURCE.replace("method: POST", "method: PUT"), "source 'xinhua-tech'", "key 'method'", "GET or POST");
        assertError(JSON_SOURCE.replace("method: POST", "method: GET"), "source 'xinhua-tech'", "key 'body'", "POST");
        assertError(JSON_SOURCE.replace("Referer:", "User-Agent:"), "source 'xinhua-tech'", "key 'headers.User-Agent'", "user_agent");
        assertError(GOOD.replace("kind: html", "kind: json"), "source 'miit-policy'", "key 'listing'", "only html");
    }

    @Test
    void brokenYamlIsOneLineNamingFileLineAndColumn() {
        String broken = GOOD.replace("    schedule: 1h\n", "    schedule: 1h\n   listing_typo: [unclosed\n");
        assertThatThrownBy(() -> load(broken, Map.of())).isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    String m = e.getMessage();
                    assertThat(m).doesNotContain("\n").contains(dir.resolve("sources.yaml").toString())
                            .containsPattern("line \\d+, column \\d+").contains("not valid YAML");
                });
        assertThatThrownBy(() -> load("sources:\n  - id: a\n    name: \"unterminated\n", Map.of()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("line 3, column"));
    }
}
