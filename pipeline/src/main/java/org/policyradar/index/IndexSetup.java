package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what PolicyRadar writes to: for each index, a composable index template from a JSON resource and a
 * write alias over a concrete first index ({@code radar-items} → {@code radar-items-000001}), so a later reindex can
 * move the alias. Idempotent: safe on every start.
 */
public final class IndexSetup {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);

    /** An alias and the classpath resource of its index template. */
    public record IndexDefinition(String alias, String templateResource) {
        public String firstIndex() {
            return alias + "-000001";
        }
    }

    public static final IndexDefinition ITEMS = new IndexDefinition("radar-items", "/elasticsearch/radar-items-template.json");

    private final ElasticsearchClient client;
    private final ObjectMapper json = new ObjectMapper();

    public IndexSetup(ElasticsearchClient client) {
        this.client = client;
    }

    public void ensure(List<IndexDefinition> definitions) {
        try {
            int dataNodes = client.cluster().health().numberOfDataNodes();
            for (IndexDefinition d : definitions) {
                ensure(d, dataNodes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up indices in Elasticsearch", e);
        }
    }

    private void ensure(IndexDefinition d, int dataNodes) throws IOException {
        ObjectNode template;
        try (InputStream in = IndexSetup.class.getResourceAsStream(d.templateResource())) {
            if (in == null) {
                throw new IllegalStateException("index template resource " + d.templateResource() + " is missing from the jar");
            }
            template = (ObjectNode) json.readTree(in);
        }
        // One node cannot hold replicas: 0 keeps the index green there, 1 protects it on a real cluster.
        template.withObject("/template/settings").put("number_of_replicas", dataNodes > 1 ? 1 : 0);
        byte[] body = json.writeValueAsBytes(template);
        client.indices().putIndexTemplate(t -> t.name(d.alias()).withJson(new ByteArrayInputStream(body)));
        boolean aliasExists = client.indices().existsAlias(a -> a.name(d.alias())).value();
        if (!aliasExists) {
            if (client.indices().exists(e -> e.index(d.alias())).value()) {
                throw new IllegalStateException("'" + d.alias() + "' exists as a concrete index, not an alias; "
                        + "reindex it into " + d.firstIndex() + " and delete it");
            }
            try {
                client.indices().create(c -> c.index(d.firstIndex())
                        .aliases(d.alias(), a -> a.isWriteIndex(true)));
                LOG.info("event=index_created index={} alias={}", d.firstIndex(), d.alias());
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // Another instance of a cluster created it between our check and our create: what we wanted.
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        } else {
            // An index created by an older version lacks fields added since: add them (adding fields is allowed;
            // a changed type is refused by Elasticsearch and reported).
            byte[] mappings = json.writeValueAsBytes(template.path("template").path("mappings"));
            client.indices().putMapping(m -> m.index(d.alias()).withJson(new ByteArrayInputStream(mappings)));
        }
    }
}
