package org.policyradar.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.health.SourceHealthStore;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.search.Concepts;
import org.policyradar.search.QueryExpander;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.testing.TestElasticsearch;

/** The shipped Kibana saved objects against the real Elasticsearch with a little data in every index. */
class KibanaValidatorTest {
    static final Path SHIPPED = Path.of("..", "kibana", "policyradar.ndjson");
    static final List<String> TOPICS = List.of("5g", "ai", "blockchain", "quantum", "social-credit", "cyber");
    private static ElasticsearchConnection es;

    @BeforeAll
    static void indexData() throws Exception {
        es = ElasticsearchConnection.open(new ElasticsearchSettings(Optional.of(TestElasticsearch.url()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS, SourceHealthStore.INDEX,
                new IndexSetup.IndexDefinition("radar-alerts", "/elasticsearch/radar-alerts-template.json"),
                new IndexSetup.IndexDefinition("radar-versions", "/elasticsearch/radar-versions-template.json")));
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        List<Item> items = new ArrayList<>();
        int n = 0;
        for (String topic : TOPICS) {
            for (String region : List.of("CN", "EU")) {
                String url = "https://kibana-test.example/" + topic + "/" + region;
                items.add(Item.builder().id(CanonicalUrl.documentId(url)).url(url)
                        .canonicalUrl(CanonicalUrl.canonicalize(url)).title("About " + topic)
                        .published(t.plusSeconds(3600L * n++)).fetched(t).lang("en")
                        .source(new SourceRef("kt-" + region.toLowerCase(), "Kibana test " + region, region))
                        .topics(List.of(topic)).scores(Map.of(topic, 0.9)).evidence(Map.of())
                        .evidenceDetail(List.of()).entities(List.of("Huawei", "European Commission"))
                        .signals(List.of("self-reliance", "target", "percent")).titleTokens("about " + topic).build());
            }
        }
        ItemIndexer indexer = new ItemIndexer(es.client(), "radar-items");
        assertThat(indexer.index(items).failures()).isEmpty();
        indexer.refresh();
        index("radar-alerts", Map.of("id", "a1", "type", "spike", "created", "2026-11-21T09:00:00Z", "topic", "5g", "region", "CN",
                "title", "5G spike", "score", 3.5, "items_count", 4, "delivered", true));
        index("radar-alerts", Map.of("id", "a2", "type", "watch", "created", "2026-11-22T09:00:00Z", "topic", "ai", "region", "EU",
                "title", "AI Act watch", "score", 1.0, "items_count", 1, "delivered", false));
        index("radar-alerts", Map.of("id", "a3", "type", "signal-spike", "created", "2026-11-23T09:00:00Z", "topic", "5g",
                "title", "Spike in signal 'self-reliance' in topic '5g'", "score", 4.0, "items_count", 5, "delivered", true));
        index("radar-versions", Map.of("url", "https://plan.example/p", "item_id", "p1", "source",
                Map.of("id", "plan", "name", "Plan site", "region", "CN"), "version", 1, "fetched", "2026-11-01T00:00:00Z",
                "title", "Five-year plan", "changed", false, "words_added", 0, "words_removed", 0));
        index("radar-versions", Map.ofEntries(Map.entry("url", "https://plan.example/p"), Map.entry("item_id", "p1"),
                Map.entry("source", Map.of("id", "plan", "name", "Plan site", "region", "CN")), Map.entry("version", 2),
                Map.entry("fetched", "2026-11-15T00:00:00Z"), Map.entry("title", "Five-year plan"), Map.entry("changed", true),
                Map.entry("words_added", 12), Map.entry("words_removed", 3), Map.entry("change_summary", "targets raised"),
                Map.entry("signals", List.of("target"))));
        // an edit that moved no figure of a signal: a plan change, but not one the weaknesses dashboard lists
        index("radar-versions", Map.of("url", "https://plan.example/p", "item_id", "p1", "source",
                Map.of("id", "plan", "name", "Plan site", "region", "CN"), "version", 3, "fetched", "2026-11-20T00:00:00Z",
                "title", "Five-year plan", "changed", true, "words_added", 2, "words_removed", 1, "change_summary", "wording"));
        index("radar-sources", Map.of("source", Map.of("id", "ok-source", "name", "OK", "region", "EU"), "state", "ok",
                "last_attempt", "2026-11-27T00:00:00Z", "last_success", "2026-11-27T00:00:00Z", "consecutive_failures", 0, "last_status", 200));
        index("radar-sources", Map.of("source", Map.of("id", "bad-source", "name", "Bad", "region", "CN"), "state", "failing",
                "last_attempt", "2026-11-27T00:00:00Z", "last_success", "2026-11-20T00:00:00Z", "consecutive_failures", 3,
                "last_status", 503, "last_error", "HTTP 503", "last_error_at", "2026-11-27T00:00:00Z"));
    }

    private static void index(String alias, Map<String, Object> doc) throws Exception {
        es.client().index(i -> i.index(alias).document(doc).refresh(Refresh.True));
    }

    @AfterAll
    static void close() {
        es.close();
    }

    private static KibanaValidator.Report validate(String ndjson) {
        return new KibanaValidator(es.client()).validate(SavedObjects.parse(ndjson));
    }

    @Test
    void shippedObjectsValidateWithDataInEveryLensLayer() throws Exception {
        SavedObjects objects = SavedObjects.read(SHIPPED);
        KibanaValidator.Report report = new KibanaValidator(es.client()).validate(objects);
        assertThat(report.problems()).isEmpty();
        long lensCount = objects.lines().stream().filter(l -> l.type().equals("lens")).count();
        assertThat(lensCount).isGreaterThanOrEqualTo(15);
        assertThat(report.layers()).hasSize((int) lensCount);
        assertThat(report.emptyLayers()).isEmpty();
        assertThat(objects.lines()).extracting(SavedObjects.Line::id)
                .contains("radar-items", "radar-alerts", "radar-sources", "radar-versions", "dashboard-overview",
                        "dashboard-topic-trends", "dashboard-plan-adjustments", "dashboard-alerts", "dashboard-source-health",
                        "search-topic-5g", "search-topic-social-credit", "search-region-cn", "search-region-eu");
    }

    /**
     * The file as generated before Kibana's own shapes were followed: every such shape is reported, per object, so it
     * cannot come back (the fields and data are the same, so nothing else is).
     */
    @Test
    void theShapesKibanaDoesNotBuildAreReported() throws Exception {
        String old = new String(KibanaValidatorTest.class.getResourceAsStream("/kibana/old-shapes.ndjson").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        KibanaValidator.Report report = validate(old);
        Map<String, List<String>> byObject = new java.util.TreeMap<>();
        report.problems().forEach(p -> byObject.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p.message()));
        assertThat(byObject.get("lens-items-total")).singleElement().asString().contains("column 'count'", "customLabel is not true", "'Items'");
        List<String> termsAfterDate = report.problems().stream().filter(p -> p.message().contains("comes after the date histogram"))
                .map(KibanaValidator.Problem::id).toList();
        assertThat(termsAfterDate).containsExactlyInAnyOrder("lens-items-over-time-by-topic", "lens-topic-trend-5g", "lens-topic-trend-ai",
                "lens-topic-trend-blockchain", "lens-topic-trend-quantum", "lens-topic-trend-social-credit", "lens-topic-trend-cyber",
                "lens-changed-documents-over-time", "lens-alerts-over-time-by-type");
        assertThat(report.problems()).filteredOn(p -> p.message().contains("scale is 'interval'"))
                .extracting(KibanaValidator.Problem::id).containsExactlyInAnyOrder("lens-changed-documents", "lens-source-last-success",
                        "lens-source-errors");
        assertThat(report.problems()).filteredOn(p -> p.message().contains("panelRefName is 'panel_1'"))
                .extracting(KibanaValidator.Problem::id).containsExactlyInAnyOrder("dashboard-overview", "dashboard-topic-trends",
                        "dashboard-plan-adjustments", "dashboard-alerts", "dashboard-source-health");
        assertThat(report.problems()).filteredOn(p -> p.message().contains("highlightAll"))
                .extracting(KibanaValidator.Problem::id).contains("search-latest-items", "search-topic-5g", "search-region-cn",
                        "search-changed-documents", "search-latest-alerts", "search-source-health").hasSize(12);
        // and nothing of the kind in the shipped file
        assertThat(validate(shipped()).problems()).isEmpty();
    }

    @Test
    void theWeaknessesAndDependenciesDashboardShowsSignalsPlanChangesAndFigures() throws Exception {
        SavedObjects objects = SavedObjects.read(SHIPPED);
        var dashboard = objects.lines().stream().filter(l -> l.id().equals("dashboard-weaknesses-and-dependencies")).findFirst().orElseThrow();
        assertThat(dashboard.object().at("/attributes/title").asText()).isEqualTo("PolicyRadar: Weaknesses and dependencies");
        assertThat(dashboard.object().path("references").findValuesAsText("id")).containsExactly("lens-signals-over-time",
                "lens-signals-by-topic", "lens-self-reliance-and-dependency-over-time", "lens-signal-spike-alerts",
                "lens-plan-changes-per-document", "search-plan-changes", "search-targets-and-figures");
        KibanaValidator.Report report = validate(shipped());
        assertThat(report.layers()).filteredOn(l -> l.lensId().startsWith("lens-signal") || l.lensId().startsWith("lens-self-reliance")
                || l.lensId().equals("lens-plan-changes-per-document")).hasSize(5).allSatisfy(l -> assertThat(l.buckets()).isPositive());
        assertThat(report.searches()).filteredOn(sc -> sc.searchId().equals("search-targets-and-figures"))
                .singleElement().satisfies(sc -> assertThat(sc.hits()).isGreaterThanOrEqualTo(12));
        // The index is shared with other tests' versions: the search must find the signal-carrying change and leave
        // out at least the changed version that moved no signal (version 3 of p1).
        long changed = es.client().count(c -> c.index("radar-versions").query(q -> q.term(t -> t.field("changed").value(true)))).count();
        assertThat(report.searches()).as("only the changes that moved a signal's figure").filteredOn(sc -> sc.searchId().equals("search-plan-changes"))
                .singleElement().satisfies(sc -> assertThat(sc.hits()).isPositive().isLessThan(changed));
    }

    private static String shipped() throws Exception {
        return Files.readString(SHIPPED);
    }

    @Test
    void aMissingFieldIsReportedWithTheObjectId() throws Exception {
        String broken = shipped().replace("\"sourceField\":\"entities\"", "\"sourceField\":\"actors\"");
        KibanaValidator.Report report = validate(broken);
        assertThat(report.problems()).extracting(KibanaValidator.Problem::id).containsOnly("lens-top-actors");
        assertThat(report.problems().get(0).message()).contains("'actors'", "does not exist", "radar-items");
    }

    @Test
    void aTermsColumnOnATextFieldIsReported() throws Exception {
        String broken = shipped().replace("\"sourceField\":\"title.raw\"", "\"sourceField\":\"title\"");
        KibanaValidator.Report report = validate(broken);
        assertThat(report.problems()).extracting(KibanaValidator.Problem::id)
                .containsOnly("lens-changed-documents", "lens-plan-changes-per-document");
        assertThat(report.problems().get(0).message()).contains("terms", "'title' is text");
    }

    @Test
    void aDateHistogramOnAKeywordAndAMissingSavedSearchColumnAreReported() throws Exception {
        String broken = shipped().replace("\"operationType\":\"date_histogram\",\"sourceField\":\"created\"",
                        "\"operationType\":\"date_histogram\",\"sourceField\":\"type\"")
                .replace("\"columns\":[\"type\",\"title\"", "\"columns\":[\"kind\",\"title\"");
        KibanaValidator.Report report = validate(broken);
        assertThat(report.problems()).extracting(KibanaValidator.Problem::id)
                .containsExactlyInAnyOrder("lens-alerts-over-time-by-type", "search-latest-alerts");
    }

    @Test
    void aDanglingReferenceIsReported() throws Exception {
        String broken = shipped().replace("\"id\":\"lens-top-sources\",\"name\":", "\"id\":\"lens-top-sourcez\",\"name\":");
        KibanaValidator.Report report = validate(broken);
        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0).id()).isEqualTo("dashboard-overview");
        assertThat(report.problems().get(0).message()).contains("lens-top-sourcez", "not in the file");
    }

    @Test
    void unparseableLinesAndMissingAttributesAreReported() throws Exception {
        String broken = shipped().replace("\"visualizationType\":\"lnsMetric\",", "") + "{not json\n";
        KibanaValidator.Report report = validate(broken);
        assertThat(report.problems()).extracting(KibanaValidator.Problem::id).contains("lens-items-total",
                "line " + (shipped().lines().count() + 1));
    }

    @Test
    void aMissingIndexIsReportedOnTheDataView() throws Exception {
        String broken = shipped().replace("\"title\":\"radar-versions\"", "\"title\":\"radar-nothing\"");
        KibanaValidator.Report report = validate(broken);
        assertThat(report.problems()).extracting(KibanaValidator.Problem::id).contains("radar-versions", "lens-versions-per-source");
    }

    static final Path CONFIG = Path.of("..", "config");

    static int radar(Map<String, String> env, java.io.StringWriter out, String... args) {
        return org.policyradar.cli.RadarCli.execute(args, org.policyradar.cli.CliEnvironment.system().withEnv(env),
                new java.io.PrintWriter(out), new java.io.PrintWriter(out));
    }

    @Test
    void validateCommandExitsZeroOnTheShippedFileAndOneWithPerObjectErrors(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Map<String, String> env = Map.of("RADAR_ES_URL", TestElasticsearch.url(), "RADAR_DATA_DIR", dir.toString());
        java.io.StringWriter ok = new java.io.StringWriter();
        assertThat(radar(env, ok, "kibana", "validate", "--require-data", "--config", CONFIG.toString(),
                "--file", SHIPPED.toString())).as(ok.toString()).isZero();
        assertThat(ok.toString()).contains("0 problem(s)", "data lens lens-top-actors", "OK");
        Path broken = dir.resolve("broken.ndjson");
        Files.writeString(broken, shipped().replace("\"sourceField\":\"entities\"", "\"sourceField\":\"actors\"")
                .replace("\"id\":\"lens-top-sources\",\"name\":", "\"id\":\"lens-gone\",\"name\":"));
        java.io.StringWriter bad = new java.io.StringWriter();
        assertThat(radar(env, bad, "kibana", "validate", "--config", CONFIG.toString(), "--file", broken.toString())).isEqualTo(1);
        assertThat(bad.toString()).contains("FAIL lens lens-top-actors", "'actors' does not exist", "FAIL dashboard dashboard-overview",
                "lens-gone", "FAILED");
    }

    /** The regexes {@link Kql} replaced (KQL rewritten into a Lucene query string), kept as the reference it is held to. */
    private static String legacyKqlToLucene(String kql) {
        String s = kql.replaceAll("([\\w.@-]+)\\s*(>=|<=|>|<)\\s*", "$1:$2");
        s = s.replaceAll("([\\w.@-]+)\\s*:\\s*", "$1:");
        return java.util.regex.Pattern.compile("(?i)\\b(and|or|not)\\b").matcher(s).replaceAll(r -> r.group(1).toUpperCase());
    }

    private static java.util.Set<String> hits(co.elastic.clients.elasticsearch._types.query_dsl.Query query) throws Exception {
        var response = es.client().search(s -> s.index("radar-items", "radar-alerts", "radar-versions", "radar-sources")
                .size(10_000).query(query), Void.class);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        response.hits().hits().forEach(h -> ids.add(h.index() + "/" + h.id()));
        return ids;
    }

    @Test
    void everyShippedKqlQueryMatchesTheSameDocumentsAsTheLuceneRewriteItReplaced() throws Exception {
        java.util.Set<String> queries = new java.util.TreeSet<>();
        for (SavedObjects.Line line : SavedObjects.read(SHIPPED).lines()) {
            var a = line.object().path("attributes");
            List<com.fasterxml.jackson.databind.JsonNode> qs = new ArrayList<>(List.of(a.at("/state/query")));
            String source = a.at("/kibanaSavedObjectMeta/searchSourceJSON").asText("");
            if (!source.isEmpty()) {
                qs.add(SavedObjects.JSON.readTree(source).path("query"));
            }
            qs.stream().filter(q -> q.path("language").asText("").equals("kuery")).map(q -> q.path("query").asText())
                    .filter(q -> !q.isBlank()).forEach(queries::add);
        }
        assertThat(queries).contains("consecutive_failures > 0", "changed : true and signals : *", "type : \"signal-spike\"")
                .hasSizeGreaterThanOrEqualTo(10);
        for (String kql : queries) {
            String dsl = Kql.toQuery(kql).toString();
            java.util.Set<String> translated = hits(co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q
                    .withJson(new java.io.StringReader(dsl))));
            java.util.Set<String> legacy = hits(co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q
                    .queryString(qs -> qs.query(legacyKqlToLucene(kql)))));
            assertThat(translated).as(kql + " → " + dsl).isNotEmpty().isEqualTo(legacy);
        }
    }

    private static org.policyradar.alert.AlertsConfig.Watch watch(String id, String query, List<String> topics, List<String> regions) {
        return new org.policyradar.alert.AlertsConfig.Watch(id, query, topics, regions, List.of());
    }

    @Test
    void watchSearchesValidateAndMatchOnlyWhatTheirFiltersAllow() throws Exception {
        String watches = new WatchSearches().toNdjson(List.of(
                watch("ai-cn", "about AND ai", List.of("ai"), List.of("CN")),
                watch("ai-or-5g", "about", List.of("ai", "5g"), List.of()),
                watch("anything", "about", List.of(), List.of())));
        KibanaValidator.Report report = new KibanaValidator(es.client())
                .validate(SavedObjects.parse(shipped() + watches));
        assertThat(report.problems()).isEmpty();
        Map<String, Long> hits = new java.util.HashMap<>();
        report.searches().forEach(s -> hits.put(s.searchId(), s.hits()));
        // The index holds one item per topic and region (and may hold other tests' items, which say nothing "about").
        assertThat(hits).containsEntry("search-watch-ai-cn", 1L).containsEntry("search-watch-ai-or-5g", 4L);
        assertThat(hits.get("search-watch-anything")).isGreaterThanOrEqualTo(12L);
        assertThat(hits).containsKey("search-topic-5g");
    }

    @Test
    void aWatchSearchOpensWhatTheWatchMatchesInEveryLanguage() throws Exception {
        // The watch evaluation expands a term naming a theme to its names in every language; the saved search the
        // analyst opens from the alert must run the same query, or it would miss the Chinese items the alert listed.
        QueryExpander expander = new QueryExpander(Concepts.of(TaxonomyLoader.loadDefault()), phrase -> "");
        var o = new WatchSearches(expander).toSavedObject(watch("chips", "semiconductor", List.of(), List.of()));
        var source = SavedObjects.JSON.readTree(o.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
        assertThat(source.at("/query/query").asText()).isEqualTo(expander.expand("semiconductor").query())
                .contains("semiconductor", "芯片", "halbleiter");
        assertThat(o.at("/attributes/description").asText()).contains(": semiconductor");
    }

    @Test
    void aWatchSearchHasKibanasShapeWithAReferencePerFilter() throws Exception {
        var o = new WatchSearches().toSavedObject(watch("w1", "huawei AND \"smart city\"", List.of("5g"), List.of("EU")));
        assertThat(o.path("id").asText()).isEqualTo("search-watch-w1");
        var source = SavedObjects.JSON.readTree(o.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
        assertThat(source.at("/query/language").asText()).isEqualTo("lucene");
        assertThat(source.at("/query/query").asText()).isEqualTo("huawei AND \"smart city\"");
        assertThat(source.at("/filter/1/meta/key").asText()).isEqualTo("source.region");
        assertThat(source.at("/filter/1/meta/indexRefName").asText())
                .isEqualTo("kibanaSavedObjectMeta.searchSourceJSON.filter[1].meta.index");
        assertThat(o.path("references").findValuesAsText("name")).containsExactly("kibanaSavedObjectMeta.searchSourceJSON.index",
                "kibanaSavedObjectMeta.searchSourceJSON.filter[0].meta.index",
                "kibanaSavedObjectMeta.searchSourceJSON.filter[1].meta.index");
    }

    @Test
    void aWatchQueryThatDoesNotParseOrAFilterOnATextFieldIsReported() throws Exception {
        String bad = new WatchSearches().toNdjson(List.of(watch("broken", "huawei AND (", List.of(), List.of())));
        KibanaValidator.Report report = new KibanaValidator(es.client())
                .validate(SavedObjects.parse(shipped() + bad));
        assertThat(report.problems()).extracting(KibanaValidator.Problem::id).containsExactly("search-watch-broken");
        assertThat(report.problems().get(0).message()).contains("do not run");

        String textFilter = new WatchSearches().toNdjson(List.of(watch("t", "about", List.of("ai"), List.of())))
                .replace("\\\"key\\\":\\\"topics\\\"", "\\\"key\\\":\\\"title\\\"");
        KibanaValidator.Report textReport = new KibanaValidator(es.client())
                .validate(SavedObjects.parse(shipped() + textFilter));
        assertThat(textReport.problems()).extracting(KibanaValidator.Problem::message)
                .anySatisfy(m -> assertThat(m).contains("filter[0]", "'title' is text"));
    }

    @Test
    void exportWatchesWritesOneSavedSearchPerWatchOfAlertsYaml(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.copy(CONFIG.resolve("sources.yaml"), dir.resolve("sources.yaml")); // the configuration the expansion reads
        Files.writeString(dir.resolve("alerts.yaml"), """
                watches:
                  - id: huawei-duisburg
                    query: 'Huawei AND (Duisburg OR "smart city")'
                    regions: [EU]
                  - id: quantum
                    query: quantum
                """);
        java.io.StringWriter out = new java.io.StringWriter();
        assertThat(radar(Map.of(), out, "kibana", "export-watches", "--config", dir.toString())).as(out.toString()).isZero();
        SavedObjects exported = SavedObjects.parse(out.toString());
        assertThat(exported.lines()).extracting(SavedObjects.Line::id).containsExactly("search-watch-huawei-duisburg", "search-watch-quantum");
        assertThat(exported.lines()).extracting(SavedObjects.Line::type).containsOnly("search");

        Path file = dir.resolve("watches.ndjson");
        java.io.StringWriter written = new java.io.StringWriter();
        assertThat(radar(Map.of(), written, "kibana", "export-watches", "--config", dir.toString(), "--out", file.toString())).isZero();
        assertThat(written.toString()).contains("2 saved search(es) written");
        assertThat(Files.readString(file)).isEqualTo(out.toString());

        Files.writeString(dir.resolve("alerts.yaml"), "watches:\n  - id: nothing\n");
        java.io.StringWriter invalid = new java.io.StringWriter();
        assertThat(radar(Map.of(), invalid, "kibana", "export-watches", "--config", dir.toString())).isNotZero();
        assertThat(invalid.toString()).contains("alerts.yaml", "query").doesNotContain("at org.");
    }
}
