package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.item.Item;
import org.policyradar.item.SimHash;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;

/**
 * Near-duplicates are found however many items the week holds: with 5,000 unrelated items indexed in one week, copies
 * of 20 of them (a headline suffix changed, a sentence trimmed) are all marked, and new unrelated items are not. The
 * items are published in a week of 2031 that no other test uses, from their own source, and deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearDuplicateScaleTest {
    private static final String SOURCE = "nd-scale";
    private static final int INDEXED = 5_000;
    private static final Instant WEEK = Instant.parse("2031-03-03T00:00:00Z");

    private final Random random = new Random(20310303);
    private final NewsTextGenerator texts = new NewsTextGenerator(random);
    private final Set<String> usedTitles = new HashSet<>();
    private ElasticsearchConnection es;
    private List<Item> indexed;

    @BeforeAll
    void indexOneBusyWeek() throws Exception {
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
        indexed = new ArrayList<>();
        for (int i = 0; i < INDEXED; i++) {
            indexed.add(newItem("old", i, WEEK.plusSeconds(random.nextInt(6 * 24 * 3600))));
        }
        ItemIndexer indexer = new ItemIndexer(es.client(), IndexSetup.ITEMS.alias());
        for (int from = 0; from < indexed.size(); from += 1_000) {
            assertThat(indexer.index(indexed.subList(from, Math.min(indexed.size(), from + 1_000))).failures()).isEmpty();
        }
        indexer.refresh();
    }

    @AfterAll
    void deleteItems() throws Exception {
        if (es != null) {
            deleteScaleItems();
            es.close();
        }
    }

    @Test
    void copiesOfOlderItemsAreAllFoundAmongThousandsOfTheWeek() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        List<Item> batch = new ArrayList<>();
        List<Item> originals = new ArrayList<>(indexed);
        Collections.shuffle(originals, random);
        for (Item original : originals.subList(0, 20)) {
            Item copy = copyOf(original, batch.size());
            expected.put(copy.id(), original.id());
            batch.add(copy);
        }
        Set<String> unrelated = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Item item = newItem("new", i, WEEK.plus(Duration.ofDays(6)).plusSeconds(i));
            unrelated.add(item.id());
            batch.add(item);
        }

        List<Item> marked = new NearDuplicateMarker(es.client(), IndexSetup.ITEMS.alias(), 0.5).mark(batch);

        assertThat(marked).hasSize(batch.size());
        for (Item item : marked) {
            if (expected.containsKey(item.id())) {
                assertThat(item.duplicateOf()).as("copy %s", item.title()).isEqualTo(expected.get(item.id()));
            } else {
                assertThat(unrelated).contains(item.id());
                assertThat(item.duplicateOf()).as("unrelated %s", item.title()).isNull();
            }
        }
    }

    /** Not asserted: the figure is reported (README Performance). */
    @Test
    void markingTimeOfAHundredItemBatch() throws Exception {
        List<Item> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(i % 5 == 0 ? copyOf(indexed.get(random.nextInt(indexed.size())), 1_000 + i)
                    : newItem("bench", i, WEEK.plus(Duration.ofDays(5)).plusSeconds(i)));
        }
        NearDuplicateMarker marker = new NearDuplicateMarker(es.client(), IndexSetup.ITEMS.alias(), 0.5);
        marker.mark(batch); // warm-up
        List<Long> millis = new ArrayList<>();
        int duplicates = 0;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            List<Item> marked = marker.mark(batch);
            millis.add((System.nanoTime() - start) / 1_000_000);
            duplicates = (int) marked.stream().filter(i -> i.duplicateOf() != null).count();
        }
        Collections.sort(millis);
        System.out.printf("event=near_duplicate_bench indexed=%d batch=%d duplicates_marked=%d median_ms=%d runs_ms=%s%n",
                INDEXED, batch.size(), duplicates, millis.get(2), millis);
        assertThat(millis).hasSize(5);
    }

    private Item newItem(String kind, int n, Instant published) {
        String title;
        do {
            title = texts.headline();
        } while (!usedTitles.add(title));
        String url = "https://nd-scale.example/" + kind + "/" + n;
        return item(url, title, texts.summary(3 + random.nextInt(3)), published);
    }

    /**
     * A syndicated copy: another outlet's headline suffix, and the summary's last sentence trimmed or a dateline
     * added. The copy must be at Jaccard >= 0.5 (what the marker promises to find); the edits are chosen so it is.
     */
    private Item copyOf(Item original, int n) {
        String title = original.title() + switch (random.nextInt(3)) {
            case 0 -> " | Reuters";
            case 1 -> " - Policy Wire";
            default -> " (updated)";
        };
        String summary = original.summary();
        if (random.nextBoolean()) {
            summary = summary.substring(0, summary.lastIndexOf(". ", summary.length() - 3) + 1);
        } else {
            summary = "BRUSSELS, March 4 (Policy Wire) - " + summary;
        }
        Item copy = item("https://nd-scale.example/copy/" + n, title, summary, original.published().plusSeconds(3600));
        double j = SimHash.jaccard(judged(original), judged(copy));
        assertThat(j).as("generated copy is a near-duplicate").isGreaterThanOrEqualTo(0.5);
        return copy;
    }

    /** What the marker compares: title and the first 500 chars of the summary. */
    private static String judged(Item item) {
        return item.title() + " " + item.summary().substring(0, Math.min(500, item.summary().length()));
    }

    private static Item item(String url, String title, String summary, Instant published) {
        return Item.builder().id(org.policyradar.item.CanonicalUrl.documentId(url)).url(url).canonicalUrl(url)
                .title(title).summary(summary).published(published).fetched(published).lang("en")
                .source(new SourceRef(SOURCE, SOURCE, "EU")).topics(List.of("ai")).scores(Map.of()).evidence(Map.of())
                .evidenceDetail(List.of()).entities(List.of()).signals(List.of()).titleTokens(title)
                .bodyTokens(summary).build().withFingerprint();
    }

    /** By id: the test node's distribution has no delete-by-query. */
    private void deleteScaleItems() throws Exception {
        for (int from = 0; from < indexed.size(); from += 1_000) {
            List<Item> part = indexed.subList(from, Math.min(indexed.size(), from + 1_000));
            es.client().bulk(b -> {
                part.forEach(i -> b.operations(op -> op.delete(d -> d.index(IndexSetup.ITEMS.alias()).id(i.id()))));
                return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
            });
        }
    }
}
