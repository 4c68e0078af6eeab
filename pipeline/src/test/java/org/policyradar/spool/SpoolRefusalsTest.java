package org.policyradar.spool;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.ItemIndexer;
import org.policyradar.index.NearDuplicateMarker;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;
import org.slf4j.LoggerFactory;

/**
 * Permanent refusals by the real Elasticsearch (a 400 for a query, a mapping conflict) neither hold items nor are
 * retried forever: the near-duplicate step is skipped, a refused item is dead-lettered after a bounded number of tries
 * counted across processes, and re-sent once the cause is fixed.
 */
class SpoolRefusalsTest {

    private static Item item(String source, int n) {
        String url = "https://refusals.example/" + source + "/" + n;
        Instant t = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(n);
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url)
                .title("Regulator notice " + n + " on " + source).summary("Summary " + n).published(t).fetched(t)
                .lang("en").source(new SourceRef(source, source, "EU")).topics(List.of()).scores(Map.of())
                .evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(List.of()).build().withFingerprint();
    }

    private static void createIndex(ElasticsearchConnection es, String name, String body) throws Exception {
        es.client().indices().create(c -> c.index(name).withJson(new StringReader(body)));
    }

    private static long count(ElasticsearchConnection es, String index) throws Exception {
        es.client().indices().refresh(r -> r.index(index));
        return es.client().count(c -> c.index(index)).count();
    }

    @Test
    void aNearDuplicateLookupElasticsearchRefusesForGoodDoesNotHoldTheItems(@TempDir Path dir) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            // An index that takes at most 10 terms per terms query: every lookup of a real batch is a 400.
            createIndex(es, "refusals-strict", """
                    {"settings": {"number_of_replicas": 0, "index.max_terms_count": 10},
                     "mappings": {"properties": {"simhash_bands": {"type": "keyword"}, "published": {"type": "date"}}}}""");
            ItemIndexer indexer = new ItemIndexer(es.client(), "refusals-strict");
            indexer.index(List.of(item("strict", 0))); // the window holds an item: the terms query is really run
            indexer.refresh();
            ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
            SpoolingIndexer spooling = new SpoolingIndexer(spool, indexer, () -> { },
                    new NearDuplicateMarker(es.client(), "refusals-strict", 0.5)::mark);
            ListAppender<ILoggingEvent> log = capture(SpoolingIndexer.class);
            List<Item> batch = List.of(item("strict", 1), item("strict", 2), item("strict", 3));

            SpoolingIndexer.Result r = spooling.store("strict", batch);

            assertThat(r.created()).isEqualTo(3);
            assertThat(r.spooled()).isZero();
            assertThat(spool.pendingCount()).isZero();
            assertThat(count(es, "refusals-strict")).isEqualTo(4);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(m -> assertThat(m)
                    .startsWith("event=near_duplicate_skipped source=strict items=3 reason=\"HTTP 400 ")
                    .contains("max_terms_count").endsWith("action=indexed_unmarked"));
        } finally {
            detach(SpoolingIndexer.class);
        }
    }

    @Test
    void anItemRefusedForGoodIsDeadLetteredAfterBoundedTriesAcrossRunsAndResentOnceFixed(@TempDir Path dir) throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            // A mapping conflict: "summary" is a number in this index, so an item with a text summary is refused (400).
            createIndex(es, "refusals-v1", """
                    {"settings": {"number_of_replicas": 0}, "aliases": {"refusals": {"is_write_index": true}},
                     "mappings": {"properties": {"summary": {"type": "integer"}}}}""");
            List<Item> batch = new ArrayList<>(List.of(item("mapping", 1), item("mapping", 2)));
            Item numeric = Item.builder().id(CanonicalUrl.documentId("https://refusals.example/n"))
                    .url("https://refusals.example/n").canonicalUrl("https://refusals.example/n")
                    .title("A numeric summary").summary("42").published(Instant.parse("2026-11-21T10:00:00Z"))
                    .fetched(Instant.parse("2026-11-21T10:00:00Z")).lang("en")
                    .source(new SourceRef("mapping", "mapping", "EU")).topics(List.of()).scores(Map.of())
                    .evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(List.of()).build();
            batch.add(numeric);

            SpoolingIndexer.Result first = spoolingIndexer(es, dir).store("mapping", batch);
            assertThat(first.created()).isEqualTo(1); // the numeric one
            assertThat(first.spooled()).isEqualTo(2);
            assertThat(first.error()).contains("refused (1 of " + SpoolingIndexer.MAX_REFUSALS + " tries): HTTP 400");
            for (int run = 2; run < SpoolingIndexer.MAX_REFUSALS; run++) { // each run a new process on the same spool
                assertThat(spoolingIndexer(es, dir).replay()).isEqualTo(1);
                ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
                int refusals = run;
                assertThat(spool.pending()).singleElement().satisfies(b -> {
                    assertThat(b.items()).hasSize(2);
                    assertThat(b.attempts().refused()).isEqualTo(refusals);
                    assertThat(b.attempts().lastError()).startsWith("HTTP 400 document_parsing_exception");
                });
                assertThat(spool.deadLetters().list()).isEmpty();
            }
            assertThat(count(es, "refusals")).isEqualTo(1);

            SpoolingIndexer last = spoolingIndexer(es, dir);
            assertThat(last.replay()).isZero();
            assertThat(last.deadLettered()).isEqualTo(2);
            ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
            assertThat(spool.deadLetters().list()).hasSize(2).allSatisfy(l -> {
                assertThat(l.source()).isEqualTo("mapping");
                assertThat(l.attempts()).isEqualTo(SpoolingIndexer.MAX_REFUSALS);
                assertThat(l.reason()).startsWith("HTTP 400 document_parsing_exception");
                assertThat(l.item()).isNotNull();
            });
            assertThat(last.replay()).as("never retried again by itself").isZero();

            // The operator fixes the mapping (a new index behind the alias); the dead letters are sent again.
            createIndex(es, "refusals-v2", """
                    {"settings": {"number_of_replicas": 0}, "mappings": {"properties": {"summary": {"type": "text"}}}}""");
            es.client().indices().updateAliases(u -> u
                    .actions(a -> a.add(x -> x.index("refusals-v2").alias("refusals").isWriteIndex(true)))
                    .actions(a -> a.remove(x -> x.index("refusals-v1").alias("refusals"))));
            assertThat(spool.requeueDeadLetters()).isEqualTo(Map.of("mapping", 2));
            assertThat(spool.deadLetters().list()).isEmpty();
            assertThat(spoolingIndexer(es, dir).replay()).isZero();
            assertThat(count(es, "refusals-v2")).isEqualTo(2);
        }
    }

    private static SpoolingIndexer spoolingIndexer(ElasticsearchConnection es, Path dir) {
        return new SpoolingIndexer(new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC()),
                new ItemIndexer(es.client(), "refusals"), () -> { });
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(log);
        return log;
    }

    private static void detach(Class<?> type) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        logger.iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof ListAppender<?>) {
                logger.detachAppender(a);
            }
        });
    }
}
