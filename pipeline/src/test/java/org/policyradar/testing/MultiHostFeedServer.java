package org.policyradar.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Real HTTP servers on several loopback addresses (127.0.0.1, 127.0.0.2, …), each a distinct host to the fetcher's
 * politeness, serving generated feeds at {@code /feed/N.xml}. Each host records when every request arrived and how
 * many were in flight at once; every response is held for {@code latency}, so requests the client does not keep
 * apart overlap and show up in the concurrency count.
 */
public final class MultiHostFeedServer implements AutoCloseable {

    /** What one host saw: request arrival times (nanoTime, in order) and the most requests in flight at once. */
    public static final class HostLog {
        private final List<Long> arrivals = new CopyOnWriteArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        public List<Long> arrivals() {
            List<Long> sorted = new ArrayList<>(arrivals);
            sorted.sort(null);
            return sorted;
        }

        public int maxInFlight() {
            return maxInFlight.get();
        }

        /** The smallest gap between two consecutive request arrivals. */
        public Duration minGap() {
            List<Long> a = arrivals();
            long min = Long.MAX_VALUE;
            for (int i = 1; i < a.size(); i++) {
                min = Math.min(min, a.get(i) - a.get(i - 1));
            }
            return Duration.ofNanos(min);
        }

        /** How many consecutive arrivals were closer than {@code limit}: evidence that the client had to hold requests back. */
        public long gapsBelow(Duration limit) {
            List<Long> a = arrivals();
            long n = 0;
            for (int i = 1; i < a.size(); i++) {
                if (a.get(i) - a.get(i - 1) < limit.toNanos()) {
                    n++;
                }
            }
            return n;
        }
    }

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<HostLog> logs = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final IntFunction<byte[]> feeds;
    private final Duration latency;

    /** @param feeds the bytes of feed N */
    public MultiHostFeedServer(int hosts, Duration latency, IntFunction<byte[]> feeds) throws IOException {
        this.feeds = feeds;
        this.latency = latency;
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + (h + 1), 0), 64);
            HostLog log = new HostLog();
            server.createContext("/", exchange -> handle(exchange, log));
            ExecutorService executor = Executors.newFixedThreadPool(8);
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            logs.add(log);
            executors.add(executor);
        }
    }

    public URI feedUri(int host, int feed) {
        InetSocketAddress a = servers.get(host).getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/feed/" + feed + ".xml");
    }

    public HostLog log(int host) {
        return logs.get(host);
    }

    public int hosts() {
        return servers.size();
    }

    private void handle(HttpExchange exchange, HostLog log) throws IOException {
        log.arrivals.add(System.nanoTime());
        int now = log.inFlight.incrementAndGet();
        log.maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.matches("/feed/\\d+\\.xml") ? feeds.apply(Integer.parseInt(path.replaceAll("\\D", ""))) : null;
            Thread.sleep(latency);
            // Counted as done before the response goes out: the client cannot start its next request earlier, so a
            // count above the limit is the client's doing, never a race in this bookkeeping.
            log.inFlight.decrementAndGet();
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            log.inFlight.decrementAndGet();
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executors.forEach(ExecutorService::shutdownNow);
    }
}
