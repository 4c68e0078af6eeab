package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.testing.TestElasticsearch;

/**
 * Instances of a cluster start together and set up the same indices at once: every one of them must succeed (the
 * cluster IT saw one fail with resource_already_exists_exception and log Elasticsearch as unavailable).
 */
class IndexSetupConcurrentStartTest {

    @Test
    void instancesSettingUpTheSameIndicesAtOnceAllSucceed() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            for (int round = 0; round < 5; round++) {
                IndexSetup.IndexDefinition d = new IndexSetup.IndexDefinition("radar-race-" + run + "-" + round,
                        "/elasticsearch/race-template.json");
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<Void>> instances = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    instances.add(() -> {
                        go.await();
                        new IndexSetup(es.client()).ensure(List.of(d));
                        return null;
                    });
                }
                List<Future<Void>> started = new ArrayList<>();
                for (Callable<Void> c : instances) {
                    started.add(pool.submit(c));
                }
                go.countDown();
                for (Future<Void> f : started) {
                    f.get(); // throws when an instance's setup failed
                }
                assertThat(es.client().indices().existsAlias(a -> a.name(d.alias())).value()).isTrue();
                // The next round starts from nothing again (its template would overlap this one's patterns).
                es.client().indices().delete(x -> x.index(d.firstIndex()));
                es.client().indices().deleteIndexTemplate(x -> x.name(d.alias()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
