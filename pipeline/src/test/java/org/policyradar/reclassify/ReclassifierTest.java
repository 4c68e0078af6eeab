package org.policyradar.reclassify;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.Glossary;
import org.policyradar.item.Item;
import org.policyradar.item.ItemFactory;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@link Reclassifier} against the real test Elasticsearch, each test in an index of its own (matched by the
 * {@code radar-items-*} template, so the real strict mapping applies), so counts are exact there.
 */
class ReclassifierTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Map<String, String> OLD_RULES = Map.of("quantum", "quantum", "huawei", "5g");
    private static final Map<String, String> NEW_RULES = Map.of("qubit", "quantum", "huawei", "5g", "ransomware", "cyber");

    @TempDir
    Path data;
    private ElasticsearchConnection es;
    private String alias;

    @BeforeEach
    void ownIndex() {
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS)); // the template matching radar-items-*
        alias = "radar-items-reclassify-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            es.client().indices().create(c -> c.index(alias + "-000001").aliases(alias, a -> a.isWriteIndex(true)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void dropIndex() throws Exception {
        es.client().indices().delete(d -> d.index(alias + "-000001"));
        es.close();
    }

    @Test
    void aChangedClassifierChangesTheStoredTopicsAndOnlyTheClassificationFields() throws Exception {
        index(new KeywordClassifier("v1", OLD_RULES), List.of(
                raw("a", "Quantum sensing for navigation", "A physics lab result.", NOW.minus(Duration.ofDays(3))),
                raw("b", "Qubit counts double at national lab", "Ransomware hits a hospital.", NOW.minus(Duration.ofDays(2))),
                raw("c", "Huawei ships base stations", "Operators buy.", NOW.minus(Duration.ofDays(1)))), "wire");
        Map<String, JsonNode> before = docs();
        assertThat(topics(before.get("a"))).containsExactly("quantum");
        assertThat(topics(before.get("b"))).isEmpty();

        KeywordClassifier edited = new KeywordClassifier("v2", NEW_RULES);
        ReclassifySummary summary = reclassifier(edited).run(ReclassifyScope.all(alias), options(0), line -> { });

        Map<String, JsonNode> after = docs();
        assertThat(topics(after.get("a"))).isEmpty();
        assertThat(after.get("a").path("scores").path("quantum").isNull()).as("dropped topic's score cleared").isTrue();
        assertThat(after.get("a").path("evidence").path("quantum").isNull()).isTrue();
        assertThat(after.get("a").path("evidence_detail")).isEmpty();
        assertThat(topics(after.get("b"))).containsExactlyInAnyOrder("quantum", "cyber");
        assertThat(after.get("b").path("evidence").path("cyber").get(0).asText()).isEqualTo("ransomware");
        assertThat(after.get("b").path("scores").path("quantum").asDouble()).isEqualTo(0.9);
        assertThat(topics(after.get("c"))).containsExactly("5g");
        for (String k : List.of("a", "b", "c")) { // what the classification does not decide is left as stored
            for (String field : List.of("url", "title", "summary", "published", "fetched", "source", "simhash_bands", "canonical_url")) {
                assertThat(after.get(k).path(field)).as("%s.%s", k, field).isEqualTo(before.get(k).path(field));
            }
        }
        assertThat(summary.state().complete()).isTrue();
        assertThat(summary.state().done()).isEqualTo(3);
        assertThat(summary.state().changed()).isEqualTo(2);
        assertThat(summary.state().added()).containsEntry("quantum", 1L).containsEntry("cyber", 1L);
        assertThat(summary.state().removed()).containsEntry("quantum", 1L);
        assertThat(summary.state().failed()).isZero();
    }

    @Test
    void aRunStoppedPartWayResumesWhereItStoppedAndEveryItemIsProcessedOnce() throws Exception {
        List<RawItem> raws = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            raws.add(raw("n" + i, (i % 2 == 0 ? "Qubit" : "Local") + " story " + i, "Text " + i, NOW.minus(Duration.ofHours(i))));
        }
        index(new KeywordClassifier("v1", OLD_RULES), raws, "wire");
        KeywordClassifier edited = new KeywordClassifier("v2", NEW_RULES);
        List<String> progress = new ArrayList<>();

        ReclassifySummary first = reclassifier(edited).run(ReclassifyScope.all(alias), new Reclassifier.Options(10, 2, 25, 10, false), progress::add);
        assertThat(first.state().complete()).isFalse();
        assertThat(first.processedThisRun()).isEqualTo(25);
        assertThat(edited.classified).hasSize(25);
        assertThat(new ReclassifyStateFile(stateFile(), ElasticsearchConnection.objectMapper()).read().orElseThrow().done()).isEqualTo(25);

        ReclassifySummary second = reclassifier(edited).run(ReclassifyScope.all(alias), new Reclassifier.Options(10, 2, 0, 10, false), progress::add);

        assertThat(second.resumedFrom()).isEqualTo(25);
        assertThat(second.processedThisRun()).isEqualTo(28);
        assertThat(second.state().complete()).isTrue();
        assertThat(second.state().done()).isEqualTo(53);
        List<String> ids = new ArrayList<>(edited.classified);
        assertThat(ids).hasSize(53).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(docs().values().stream().map(d -> d.path("id").asText()).collect(java.util.stream.Collectors.toSet()));
        assertThat(docs().values()).allSatisfy(d -> assertThat(topics(d).contains("quantum"))
                .isEqualTo(d.path("title").asText().startsWith("Qubit")));
        assertThat(progress).anyMatch(l -> l.startsWith("reclassify: resuming")).anyMatch(l -> l.matches("reclassify: \\d+/53 items.*"));

        ReclassifySummary third = reclassifier(edited).run(ReclassifyScope.all(alias), new Reclassifier.Options(10, 2, 0, 10, false), progress::add);
        assertThat(third.resumedFrom()).as("a finished run is not resumed: the next one starts over").isZero();
        assertThat(third.processedThisRun()).isEqualTo(53);
    }

    @Test
    void sourceAndSinceLimitTheRunToTheirItems() throws Exception {
        index(new KeywordClassifier("v1", OLD_RULES), List.of(
                raw("old", "Qubit old", "", NOW.minus(Duration.ofDays(100))),
                raw("new", "Qubit new", "", NOW.minus(Duration.ofDays(10)))), "wire");
        index(new KeywordClassifier("v1", OLD_RULES), List.of(raw("other", "Qubit other", "", NOW.minus(Duration.ofDays(10)))), "other");
        KeywordClassifier edited = new KeywordClassifier("v2", NEW_RULES);

        ReclassifySummary summary = reclassifier(edited).run(new ReclassifyScope(alias, Optional.of("wire"), Optional.of("90d"),
                Optional.of(Duration.ofDays(90))), options(0), line -> { });

        assertThat(summary.total()).isEqualTo(1);
        Map<String, JsonNode> after = docs();
        assertThat(topics(after.get("new"))).containsExactly("quantum");
        assertThat(topics(after.get("old"))).isEmpty();
        assertThat(topics(after.get("other"))).isEmpty();
    }

    @Test
    void anItemTheIngestionRewritesMeanwhileKeepsTheIngestionsVersion() throws Exception {
        SourceConfig wire = source("wire");
        RawItem racing = raw("race", "Qubit race", "", NOW.minus(Duration.ofDays(1)));
        index(new KeywordClassifier("v1", OLD_RULES), List.of(racing, raw("calm", "Qubit calm", "", NOW)), "wire");
        String racingId = ItemFactory.documentId(wire, racing);
        ItemIndexer indexer = new ItemIndexer(es.client(), alias);
        // the ingestion stores a new text for the item while the run classifies it
        KeywordClassifier edited = new KeywordClassifier("v2", NEW_RULES) {
            @Override
            public org.policyradar.classify.Classification classify(org.policyradar.classify.TextItem item) {
                if (item.id().equals(racingId) && classified.stream().noneMatch(racingId::equals)) {
                    try {
                        indexer.index(List.of(new ItemFactory(new KeywordClassifier("v1", OLD_RULES)).build(wire,
                                raw("race", "Ingested again", "", NOW.minus(Duration.ofDays(1))))));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return super.classify(item);
            }
        };

        ReclassifySummary summary = reclassifier(edited).run(ReclassifyScope.all(alias), options(0), line -> { });

        assertThat(summary.state().conflicts()).isEqualTo(1);
        assertThat(summary.state().failed()).isZero();
        Map<String, JsonNode> after = docs();
        assertThat(after.get("race").path("title").asText()).isEqualTo("Ingested again");
        assertThat(topics(after.get("calm"))).containsExactly("quantum");
    }

    private Reclassifier reclassifier(KeywordClassifier classifier) {
        return new Reclassifier(es.client(), classifier, Glossary.NONE,
                new ReclassifyStateFile(stateFile(), ElasticsearchConnection.objectMapper()),
                Clock.fixed(NOW, ZoneOffset.UTC), ElasticsearchConnection.objectMapper());
    }

    private Path stateFile() {
        return data.resolve("reclassify").resolve("state.json");
    }

    private static Reclassifier.Options options(long limit) {
        return new Reclassifier.Options(100, 2, limit, 1000, false);
    }

    private void index(KeywordClassifier classifier, List<RawItem> raws, String sourceId) throws Exception {
        ItemFactory factory = new ItemFactory(classifier);
        SourceConfig source = source(sourceId);
        List<Item> items = raws.stream().map(r -> factory.build(source, r)).toList();
        assertThat(new ItemIndexer(es.client(), alias).index(items).failures()).isEmpty();
        es.client().indices().refresh(r -> r.index(alias));
    }

    /** Stored documents by the key in their URL. */
    private Map<String, JsonNode> docs() throws Exception {
        ElasticsearchClient client = es.client();
        client.indices().refresh(r -> r.index(alias));
        Map<String, JsonNode> out = new HashMap<>();
        client.search(s -> s.index(alias).size(1000), JsonNode.class).hits().hits()
                .forEach(h -> out.put(h.source().path("url").asText().replaceAll(".*/", ""), h.source()));
        return out;
    }

    private static List<String> topics(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("topics").forEach(t -> out.add(t.asText()));
        return out;
    }

    private static SourceConfig source(String id) {
        return new SourceConfig(id, "Wire " + id, Region.EU, "en", SourceKind.FEED, URI.create("https://" + id + ".example/rss"),
                Schedule.parse("1h").orElseThrow(), Optional.empty(), false, Optional.empty(), false, List.of(), "");
    }

    private static RawItem raw(String key, String title, String summary, Instant published) {
        return RawItem.builder().url("https://wire.example/a/" + key).title(title).summary(summary).published(published)
                .fetched(published).declaredLang("en").build();
    }
}
