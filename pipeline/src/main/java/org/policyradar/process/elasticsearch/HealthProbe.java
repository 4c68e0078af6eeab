package org.policyradar.process.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a node whether the cluster is usable: {@code _cluster/health} at least yellow, and with a node count when a
 * cluster is forming. Not {@code GET /}: the integ-test distribution lacks it (405).
 */
public final class HealthProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** True once {@code base} answers yellow or green within {@code wait}. */
    public boolean healthy(URI base, Duration wait) {
        return reaches(base, "yellow", 0, wait);
    }

    /** True once {@code base} answers {@code status} (or better) with at least {@code nodes} nodes within {@code wait}. */
    public boolean reaches(URI base, String status, int nodes, Duration wait) {
        String query = "/_cluster/health?wait_for_status=" + status + "&timeout=1s" + (nodes > 0 ? "&wait_for_nodes=%3E%3D" + nodes : "");
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(query))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() < deadline) {
                Pause.millis(250);
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
