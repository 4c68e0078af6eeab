package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.ItemsIndex;

/** Index set-up, bulk writes and search against the real Elasticsearch. */
class IndexingTest {
    @RegisterExtension
    static final ItemsIndex ITEMS_INDEX = new ItemsIndex();

    static Item item(String url, String title, String titleTokens, List<String> topics, Instant published) {
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(CanonicalUrl.canonicalize(url))
                .title(title).published(published).fetched(published).lang("en")
                .source(new SourceRef("indexing-test", "Indexing test", "EU")).topics(topics).scores(Map.of())
                .evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(List.of())
                .titleTokens(titleTokens).build();
    }

    @Test
    void setupIsIdempotentAndCreatesAWriteAliasOverAConcreteIndex() throws Exception {
        new IndexSetup(ITEMS_INDEX.es().client()).ensure(List.of(IndexSetup.ITEMS)); // second time: no error
        ElasticsearchClient client = ITEMS_INDEX.es().client();
        var aliases = client.indices().getAlias(a -> a.name("radar-items")).aliases();
        assertThat(aliases).containsOnlyKeys("radar-items-000001");
        assertThat(aliases.get("radar-items-000001").aliases().get("radar-items").isWriteIndex()).isTrue();
        var settings = client.indices().getSettings(s -> s.index("radar-items-000001")).get("radar-items-000001");
        assertThat(settings.settings().index().numberOfReplicas()).isEqualTo("0");
    }

    @Test
    void anIndexCreatedByAnOlderVersionGetsTheFieldsAddedSince() throws Exception {
        ElasticsearchClient client = ITEMS_INDEX.es().client();
        client.indices().create(c -> c.index("radar-upgrade-000001").aliases("radar-upgrade", a -> a.isWriteIndex(true))
                .mappings(m -> m.properties("title", p -> p.text(t -> t.analyzer("standard")
                        .fields("raw", f -> f.keyword(k -> k.ignoreAbove(512))))))); // as an older template made it
        new IndexSetup(client).ensure(List.of(new IndexSetup.IndexDefinition("radar-upgrade", "/elasticsearch-test/radar-upgrade-template.json")));
        var mapping = client.indices().getMapping(g -> g.index("radar-upgrade")).get("radar-upgrade-000001").mappings();
        assertThat(mapping.properties()).containsKeys("title", "topics", "published", "body_tokens");
    }

    @Test
    void bulkReportsCreatedThenUpdatedAndRejectsBadDocumentsOneByOne() throws Exception {
        ItemIndexer indexer = new ItemIndexer(ITEMS_INDEX.es().client(), "radar-items");
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        List<Item> items = List.of(item("https://a.example/1", "Huawei 5G", "huawei 5g", List.of("5g"), t),
                item("https://a.example/2", "量子通信", "量子 通信", List.of("quantum"), t.plusSeconds(60)));
        BulkOutcome first = indexer.index(items);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.failures()).isEmpty();
        BulkOutcome again = indexer.index(items);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(2);

        // A document the strict mapping refuses fails alone, named, while its neighbour is stored.
        Item bad = item("https://a.example/bad", "bad", "bad", List.of(), t);
        Item badScores = Item.builder().id(bad.id()).url(bad.url()).canonicalUrl(bad.canonicalUrl()).title(bad.title())
                .published(bad.published()).fetched(bad.fetched()).lang("en").source(bad.source()).topics(List.of())
                .scores(Map.of("ai", Double.NaN)).evidence(Map.of()).evidenceDetail(List.of()).entities(List.of())
                .signals(List.of()).build();
        Item good = item("https://a.example/3", "fine", "fine", List.of(), t);
        BulkOutcome mixed = indexer.index(List.of(badScores, good));
        assertThat(mixed.created()).isEqualTo(1);
        assertThat(mixed.failures()).hasSize(1);
        assertThat(mixed.failures().get(0).url()).isEqualTo("https://a.example/bad");
        assertThat(mixed.failures().get(0).reason()).isNotBlank();
    }

    @Test
    void searchFindsChineseSegmentsAndEnglishTextNewestFirstWithFilters() throws Exception {
        ItemIndexer indexer = new ItemIndexer(ITEMS_INDEX.es().client(), "radar-items");
        Instant t = Instant.parse("2026-10-01T10:00:00Z");
        indexer.index(List.of(item("https://s.example/1", "网络安全法 实施", "网络 安全法 实施", List.of("cyber"), t),
                item("https://s.example/2", "Cyber attack on ministry", "cyber attack on ministry", List.of("cyber"), t.plusSeconds(3600)),
                item("https://s.example/3", "Cyber cafe opens", "cyber cafe opens", List.of(), t.plusSeconds(7200))));
        indexer.refresh();
        ItemSearch search = new ItemSearch(ITEMS_INDEX.es().client(), "radar-items");
        var zh = search.search(new ItemSearch.SearchQuery("安全法", "安全法", Optional.empty(), Optional.of("indexing-test"),
                Optional.empty(), 10));
        assertThat(zh).extracting(ItemSearch.SearchHit::url).containsExactly("https://s.example/1");
        var cyber = search.search(new ItemSearch.SearchQuery("cyber", "cyber", Optional.of("cyber"), Optional.of("indexing-test"),
                Optional.empty(), 10));
        assertThat(cyber).extracting(ItemSearch.SearchHit::url).containsExactly("https://s.example/2");
        var topicOnly = search.search(new ItemSearch.SearchQuery("", "", Optional.of("cyber"), Optional.of("indexing-test"),
                Optional.empty(), 10));
        assertThat(topicOnly).extracting(ItemSearch.SearchHit::url).containsExactly("https://s.example/2", "https://s.example/1");
        var recent = search.search(new ItemSearch.SearchQuery("cyber", "cyber", Optional.empty(), Optional.of("indexing-test"),
                Optional.of(t.plusSeconds(1800)), 10));
        assertThat(recent).extracting(ItemSearch.SearchHit::url).containsExactly("https://s.example/3", "https://s.example/2");
    }
}
