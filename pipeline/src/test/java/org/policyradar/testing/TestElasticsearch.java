package org.policyradar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.policyradar.process.ServerState;
import org.policyradar.process.elasticsearch.EmbeddedElasticsearch;

/**
 * One real Elasticsearch per test JVM, started on first use on a free loopback port with fresh data, stopped when
 * the JVM exits. {@code RADAR_TEST_ES_URL} points the tests at an already running node instead.
 */
public final class TestElasticsearch {
    private static final Object LOCK = new Object();
    private static String url;

    private TestElasticsearch() {
    }

    public static String url() {
        synchronized (LOCK) {
            if (url == null) {
                url = start();
            }
            return url;
        }
    }

    private static String start() {
        String external = System.getenv("RADAR_TEST_ES_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        String zip = System.getProperty("radar.es.distribution");
        if (zip == null) {
            throw new IllegalStateException("system property radar.es.distribution is not set: run the tests through Maven");
        }
        try {
            // Under /tmp: Elasticsearch runs as an unprivileged user when we are root, and must reach this directory.
            Path base = Files.createTempDirectory(Path.of("/tmp"), "radar-test-es-");
            EmbeddedElasticsearch es = new EmbeddedElasticsearch(Path.of(zip), base, Path.of(System.getProperty("java.home")),
                    "512m", 0);
            ServerState state = es.start(Duration.ofMinutes(4));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                es.stop();
                deleteQuietly(base);
            }, "stop-test-elasticsearch"));
            return state.url();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a node's temporary tree (home, data, logs) after it stopped. */
    public static void deleteQuietly(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: /tmp is cleaned by the OS anyway
        }
    }
}
