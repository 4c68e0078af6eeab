package org.policyradar.testing;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;

/**
 * A local HTTP server and a connection to the test Elasticsearch for one test class, opened before its tests and
 * closed after them: {@code @RegisterExtension static final ServerAndElasticsearch LOCAL = new ServerAndElasticsearch();}.
 */
public final class ServerAndElasticsearch implements BeforeAllCallback, AfterAllCallback {
    private LocalHttpServer server;
    private ElasticsearchConnection es;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = new LocalHttpServer();
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        es.close();
    }

    public LocalHttpServer server() {
        return server;
    }

    public ElasticsearchConnection es() {
        return es;
    }
}
