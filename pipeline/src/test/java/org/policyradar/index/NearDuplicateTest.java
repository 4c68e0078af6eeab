package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.MinHashLsh;
import org.policyradar.item.SimHash;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;

/** Syndicated copies across sources are grouped under the first item; different stories stay apart. */
class NearDuplicateTest {
    private static final String WIRE = "新华社北京11月2日电 工业和信息化部2日发布通知，要求加快5G网络建设，推动千兆光网和5G基站共建共享，"
            + "到2025年每万人拥有5G基站数达到26个。";

    private static Item item(String source, String url, String title, String summary, Instant published) {
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url).title(title)
                .summary(summary).published(published).fetched(published).lang("zh")
                .source(new SourceRef(source, source, "CN")).topics(List.of("5g")).scores(Map.of()).evidence(Map.of())
                .evidenceDetail(List.of()).entities(List.of()).signals(List.of()).titleTokens(title)
                .bodyTokens(summary).build().withFingerprint();
    }

    @Test
    void lookupKeysOfARepublishedStoryMeetAndOfDifferentStoriesDoNot() {
        String wire = "工信部：加快5G网络建设 " + WIRE;
        String republished = "工信部：加快5G网络建设｜人民网 " + WIRE.replace("新华社北京11月2日电 ", "");
        String different = "欧盟委员会发布人工智能法案实施细则 欧盟委员会周三公布了人工智能法案的实施指南，涉及高风险系统的合规要求。";
        assertThat(MinHashLsh.keys(SimHash.shingles(wire))).containsAnyElementsOf(MinHashLsh.keys(SimHash.shingles(republished)));
        assertThat(MinHashLsh.keys(SimHash.shingles(wire))).doesNotContainAnyElementsOf(MinHashLsh.keys(SimHash.shingles(different)));
        assertThat(SimHash.distance(SimHash.of(wire), SimHash.of(different))).isGreaterThan(12);
        String first = "工信部：加快5G网络建设 " + WIRE;
        assertThat(SimHash.jaccard(first, "工信部：加快5G网络建设｜人民网 " + WIRE.replace("新华社北京11月2日电 ", ""))).isGreaterThan(0.6);
        assertThat(SimHash.jaccard(first, "欧盟委员会发布人工智能法案实施细则 欧盟委员会周三公布了人工智能法案的实施指南。")).isLessThan(0.1);
        assertThat(SimHash.jaccard("Huawei to build 5G network in Duisburg, city officials say",
                "Huawei to build 5G network in Duisburg - Reuters")).isGreaterThan(0.5);
        assertThat(SimHash.jaccard("Huawei to build 5G network in Duisburg, city officials say",
                "Huawei shares fall after US adds more chip curbs")).isLessThan(0.2);
    }

    @Test
    void aLaterCopyFromAnotherSourceIsMarkedAsDuplicateOfTheFirst() throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
            Instant t = Instant.parse("2026-11-02T08:00:00Z");
            Item first = item("nd-xinhua", "https://nd.example/xinhua/1", "工信部：加快5G网络建设", WIRE, t);
            ItemIndexer indexer = new ItemIndexer(es.client(), "radar-items");
            indexer.index(List.of(first));
            indexer.refresh();

            NearDuplicateMarker marker = new NearDuplicateMarker(es.client(), "radar-items", 0.5);
            Item copy = item("nd-people", "https://nd.example/people/9", "工信部：加快5G网络建设｜人民网",
                    WIRE.replace("新华社北京11月2日电 ", ""), t.plusSeconds(3600));
            Item copyOfCopy = item("nd-gmw", "https://nd.example/gmw/3", "工信部：加快5G网络建设", WIRE, t.plusSeconds(7200));
            Item other = item("nd-people", "https://nd.example/people/10", "欧盟委员会发布人工智能法案实施细则",
                    "欧盟委员会周三公布了人工智能法案的实施指南，涉及高风险系统的合规要求。", t.plusSeconds(60));
            List<Item> marked = marker.mark(List.of(copy, other, copyOfCopy));
            assertThat(marked).filteredOn(i -> i.id().equals(copy.id())).extracting(Item::duplicateOf).containsExactly(first.id());
            assertThat(marked).filteredOn(i -> i.id().equals(copyOfCopy.id())).extracting(Item::duplicateOf).containsExactly(first.id());
            assertThat(marked).filteredOn(i -> i.id().equals(other.id())).extracting(Item::duplicateOf).containsOnlyNulls();
            // The first item re-ingested is not a duplicate of its own later copies.
            assertThat(marker.mark(List.of(first)).get(0).duplicateOf()).isNull();
        }
    }
}
