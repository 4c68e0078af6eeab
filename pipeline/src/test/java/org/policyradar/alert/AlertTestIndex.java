package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;

/** The test Elasticsearch with the items and alerts indices, for the alert unit tests; each test names its own topic. */
final class AlertTestIndex implements AutoCloseable {
    final ElasticsearchConnection es;
    final ItemIndexer indexer;

    AlertTestIndex() {
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
        new AlertEngine(es.client(), AlertsConfig.empty()).ensureIndices();
        indexer = new ItemIndexer(es.client(), "radar-items");
    }

    /** A name no other test (or earlier run on the shared node) uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Item item(String title, String topic, String source, String region, Instant published) {
        String url = "https://alert-unit.example/" + source + "/" + UUID.randomUUID();
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url).title(title).published(published)
                .fetched(published).lang("en").source(new SourceRef(source, source, region)).topics(List.of(topic))
                .build();
    }

    void index(List<Item> items) throws IOException {
        assertThat(indexer.index(items).failures()).isEmpty();
        indexer.refresh();
    }

    @Override
    public void close() {
        es.close();
    }
}
