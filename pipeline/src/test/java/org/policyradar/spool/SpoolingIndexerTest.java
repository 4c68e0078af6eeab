package org.policyradar.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;

/** Nothing fetched is lost: Elasticsearch down, partial writes, damaged spool lines — against the real node. */
class SpoolingIndexerTest {

    private static ElasticsearchConnection connect(String url) {
        return ElasticsearchConnection.open(ElasticsearchSettings.at(url), null);
    }

    private static Item item(String source, int n) {
        String url = "https://spool.example/" + source + "/" + n;
        Instant t = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(n);
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url).title("item " + n)
                .published(t).fetched(t).lang("en").source(new SourceRef(source, source, "EU")).topics(List.of())
                .scores(Map.of()).evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(List.of())
                .titleTokens("item " + n).build();
    }

    private static long count(ElasticsearchConnection es, String source) throws Exception {
        es.client().indices().refresh(r -> r.index("radar-items"));
        return es.client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(source)))).count();
    }

    @Test
    void itemsFetchedWhileElasticsearchIsDownAreIndexedExactlyOnceWhenItReturns(@TempDir Path dir) throws Exception {
        ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
        List<Item> items = List.of(item("spool-down", 1), item("spool-down", 2), item("spool-down", 3));
        try (ElasticsearchConnection down = connect("http://127.0.0.1:9"); ElasticsearchConnection up = connect(TestElasticsearch.url())) {
            SpoolingIndexer whileDown = new SpoolingIndexer(spool, new ItemIndexer(down.client(), "radar-items"),
                    () -> new IndexSetup(down.client()).ensure(List.of(IndexSetup.ITEMS)));
            SpoolingIndexer.Result r = whileDown.store("spool-down", items);
            assertThat(r.spooled()).isEqualTo(3);
            assertThat(r.error()).contains("elasticsearch unavailable");
            assertThat(spool.pendingCount()).isEqualTo(1);
            assertThat(whileDown.drain(Duration.ofMillis(300), a -> Duration.ofMillis(50))).isEqualTo(1);

            // A new process (same spool directory) with Elasticsearch back: the batch is replayed, then removed.
            SpoolingIndexer back = new SpoolingIndexer(new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC()),
                    new ItemIndexer(up.client(), "radar-items"), () -> new IndexSetup(up.client()).ensure(List.of(IndexSetup.ITEMS)));
            assertThat(back.replay()).isZero();
            assertThat(count(up, "spool-down")).isEqualTo(3);
            // Replaying again (say after a crash before the batch file was removed) changes nothing.
            back.store("spool-down", items);
            assertThat(count(up, "spool-down")).isEqualTo(3);
        }
    }

    @Test
    void aPartialWriteIsDiscardedAndADamagedLineIsDeadLetteredNotFatal(@TempDir Path dir) throws Exception {
        ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
        ItemSpool.Batch batch = spool.append("spool-damaged", List.of(item("spool-damaged", 1), item("spool-damaged", 2)));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(batch.file()));
        lines.set(2, lines.get(2).replace("item 2", "item X")); // bytes changed after the checksum was written
        Files.write(batch.file(), lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pending").resolve("00000000000000000001-x-deadbeef.tmp"), "{\"half\":");

        ItemSpool reopened = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
        assertThat(Files.exists(dir.resolve("pending").resolve("00000000000000000001-x-deadbeef.tmp"))).isFalse();
        List<ItemSpool.Batch> pending = reopened.pending();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).items()).extracting(Item::title).containsExactly("item 1");
        assertThat(pending.get(0).damagedLines()).isEqualTo(1);
        assertThat(Files.readString(reopened.deadLetterFile())).contains("spool-damaged").contains("checksum mismatch");

        try (ElasticsearchConnection up = connect(TestElasticsearch.url())) {
            SpoolingIndexer indexer = new SpoolingIndexer(reopened, new ItemIndexer(up.client(), "radar-items"),
                    () -> new IndexSetup(up.client()).ensure(List.of(IndexSetup.ITEMS)));
            assertThat(indexer.replay()).isZero();
            assertThat(count(up, "spool-damaged")).isEqualTo(1);
        }
    }

    /**
     * A damaged line of a batch that keeps waiting (Elasticsearch down for several replays) is dead-lettered once, on
     * the first read, not again at every replay: the batch is rewritten without it.
     */
    @Test
    void aDamagedLineIsDeadLetteredOnceHoweverOftenItsBatchIsReplayed(@TempDir Path dir) throws Exception {
        ItemSpool spool = new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC());
        ItemSpool.Batch batch = spool.append("spool-damaged-once", List.of(item("spool-damaged-once", 1), item("spool-damaged-once", 2)));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(batch.file()));
        lines.set(1, lines.get(1).replace("item 1", "item X"));
        Files.write(batch.file(), lines, StandardCharsets.UTF_8);
        try (ElasticsearchConnection down = connect("http://127.0.0.1:9"); ElasticsearchConnection up = connect(TestElasticsearch.url())) {
            SpoolingIndexer whileDown = new SpoolingIndexer(spool, new ItemIndexer(down.client(), "radar-items"),
                    () -> new IndexSetup(down.client()).ensure(List.of(IndexSetup.ITEMS)));
            for (int i = 0; i < 3; i++) {
                assertThat(whileDown.replay()).isEqualTo(1);
            }
            assertThat(spool.deadLetters().list()).singleElement().satisfies(letter -> {
                assertThat(letter.source()).isEqualTo("spool-damaged-once");
                assertThat(letter.reason()).contains("line 2").contains("checksum mismatch");
            });
            SpoolingIndexer back = new SpoolingIndexer(new ItemSpool(dir, ElasticsearchConnection.objectMapper(), Clock.systemUTC()),
                    new ItemIndexer(up.client(), "radar-items"), () -> new IndexSetup(up.client()).ensure(List.of(IndexSetup.ITEMS)));
            assertThat(back.replay()).isZero();
            assertThat(count(up, "spool-damaged-once")).isEqualTo(1);
            assertThat(spool.deadLetters().list()).hasSize(1);
        }
    }
}
