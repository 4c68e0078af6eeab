package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;

/** A batch of any size is sent in bulk requests Elasticsearch takes: bounded in count and in bytes, in order, none lost. */
class ItemIndexerRequestsTest {

    private static Item item(int n, String text) {
        String url = "https://requests.example/" + n;
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url).title("item " + n)
                .text(text).published(t).fetched(t).lang("en").source(new SourceRef("requests", "requests", "EU"))
                .topics(List.of()).scores(Map.of()).evidence(Map.of()).evidenceDetail(List.of()).entities(List.of())
                .signals(List.of()).build();
    }

    @Test
    void aLargeBatchIsSplitByCountAndBySizeWithEveryItemOnceInOrder() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            items.add(item(i, null));
        }
        String megabyte = "x".repeat(1 << 20);
        for (int i = 2_500; i < 2_510; i++) {
            items.add(item(i, megabyte)); // ~3 MB each as JSON at most
        }
        List<List<Item>> requests = ItemIndexer.requests(items);

        assertThat(requests).allSatisfy(r -> assertThat(r).hasSizeBetween(1, ItemIndexer.MAX_ITEMS_PER_REQUEST));
        assertThat(requests.stream().flatMap(List::stream).toList()).isEqualTo(items);
        assertThat(requests.stream().filter(r -> r.get(0).text() != null))
                .allSatisfy(r -> assertThat(r.size()).isLessThanOrEqualTo(2)); // 8 MB / ~3 MB
        assertThat(ItemIndexer.requests(List.of(item(0, "y".repeat(20 << 20))))).hasSize(1); // too big alone still goes
        assertThat(ItemIndexer.requests(List.of())).isEmpty();
    }
}
