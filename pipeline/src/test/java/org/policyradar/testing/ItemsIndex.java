package org.policyradar.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;

/**
 * A connection to the test Elasticsearch with the {@code radar-items} index set up, for one test class:
 * {@code @RegisterExtension static final ItemsIndex ITEMS = new ItemsIndex();}.
 */
public final class ItemsIndex implements BeforeAllCallback, AfterAllCallback {
    private ElasticsearchConnection es;

    @Override
    public void beforeAll(ExtensionContext context) {
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        es.close();
    }

    public ElasticsearchConnection es() {
        return es;
    }
}
