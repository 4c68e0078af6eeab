package org.policyradar.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.config.ConfigException;
import org.policyradar.fetch.Validators;
import org.policyradar.testing.TestPostgres;

/** The shared state and the cluster lock against a real PostgreSQL, with two instances writing at once. */
class PostgresCoordinationTest {
    private static ClusterDatabase db;

    @BeforeAll
    static void open() {
        db = ClusterDatabase.open(settings(TestPostgres.get().password()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ClusterSettings settings(String password) {
        return new ClusterSettings(TestPostgres.get().url(), Optional.empty(), Optional.of(password), Duration.ofSeconds(5));
    }

    @Test
    void createsQuartzTablesOnceEvenWhenInstancesStartTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ClusterDatabase>> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(pool.submit(() -> ClusterDatabase.open(settings(TestPostgres.get().password()))));
            }
            for (Future<ClusterDatabase> f : opened) {
                f.get().close();
            }
        } finally {
            pool.shutdown();
        }
        try (Connection c = db.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(ClusterDatabase.quartzTables().stream().filter(d -> d.startsWith("CREATE TABLE")).count())
                    .isEqualTo(11);
        }
    }

    @Test
    void aWrongPasswordStopsTheStartNamingTheKeyAndTheFix() {
        assertThatThrownBy(() -> ClusterDatabase.open(settings("wrong")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RADAR_CLUSTER_DB / cluster.db_url: cannot connect to " + TestPostgres.get().url())
                .hasMessageContaining("password authentication failed")
                .hasMessageContaining("RADAR_CLUSTER_DB_PASSWORD");
    }

    @Test
    void fetchValidatorsAreSharedAndRemovedWhenEmpty() {
        var a = new PostgresFetchStateStore(db.dataSource());
        var b = new PostgresFetchStateStore(db.dataSource());
        URI feed = URI.create("http://127.0.0.1:1/feed.xml");
        assertThat(a.get("fs-source", feed)).isEqualTo(Validators.NONE);
        a.put("fs-source", feed, new Validators("\"e1\"", "Wed, 02 Dec 2026 10:00:00 GMT"));
        assertThat(b.get("fs-source", feed)).isEqualTo(new Validators("\"e1\"", "Wed, 02 Dec 2026 10:00:00 GMT"));
        b.put("fs-source", feed, new Validators("\"e2\"", null));
        assertThat(a.get("fs-source", feed)).isEqualTo(new Validators("\"e2\"", null));
        assertThat(a.get("other-source", feed)).isEqualTo(Validators.NONE);
        a.put("fs-source", feed, Validators.NONE);
        assertThat(b.get("fs-source", feed)).isEqualTo(Validators.NONE);
    }

    @Test
    void seenEntriesAreReplacedPerSourceAndTwoWritersAgree() throws Exception {
        var a = new PostgresSeenEntryStore(db.dataSource());
        var b = new PostgresSeenEntryStore(db.dataSource());
        a.put("seen-src", Map.of("id-1", "h1", "id-2", "h2"));
        assertThat(b.get("seen-src")).containsOnly(Map.entry("id-1", "h1"), Map.entry("id-2", "h2"));
        b.put("seen-src", Map.of("id-2", "h2b", "id-3", "h3"));
        assertThat(a.get("seen-src")).containsOnly(Map.entry("id-2", "h2b"), Map.entry("id-3", "h3"));
        assertThat(a.get("no-such-source")).isEmpty();

        // Two instances recording the same fetch at the same moment, 20 times over: one row per hash, no error.
        Map<String, String> fetch = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            fetch.put("item-" + i, "hash-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                List<Callable<Object>> writers = List.of(() -> { a.put("race-src", fetch); return null; },
                        () -> { b.put("race-src", fetch); return null; });
                for (Future<Object> f : pool.invokeAll(writers)) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(a.get("race-src")).isEqualTo(fetch);
        try (Connection c = db.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM radar_seen_entries WHERE source_id = 'race-src'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(200);
        }
    }

    @Test
    void anExclusiveJobRunsOnOneInstanceAtATime() throws Exception {
        var one = new PostgresCoordination(ClusterDatabase.open(settings(TestPostgres.get().password())), "instance-a");
        var two = new PostgresCoordination(ClusterDatabase.open(settings(TestPostgres.get().password())), "instance-b");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Runnable body = () -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            runs.incrementAndGet();
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> jobs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PostgresCoordination instance = i % 2 == 0 ? one : two;
                jobs.add(() -> { instance.exclusively("alerts", body); return null; });
            }
            for (Future<Object> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
            one.close();
            two.close();
        }
        assertThat(runs.get()).isEqualTo(16);
        assertThat(maxInside.get()).as("evaluations overlapping across instances").isEqualTo(1);
    }
}
