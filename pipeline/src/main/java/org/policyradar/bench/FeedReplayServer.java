package org.policyradar.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves generated RSS feeds for the end-to-end benchmark, each source on its own loopback address (127.0.0.2,
 * 127.0.0.3, ...) as real sources live on their own hosts, so the fetcher's per-host politeness delay applies as it
 * would in production and not 50 times over one host. Answers conditional GETs with 304 when the feed is unchanged;
 * {@link #publish} adds an item between polls and remembers when.
 */
public final class FeedReplayServer implements AutoCloseable {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One feed entry as served. */
    public record Entry(String title, String link, String description, Instant published) {
    }

    private record Feed(List<Entry> entries, byte[] body, String etag) {
    }

    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, URI> uris = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private volatile boolean conditional = true;

    /** Starts one server per source on 127.0.0.(2 + i), each on a free port. */
    public FeedReplayServer(List<String> sourceIds) throws IOException {
        for (int i = 0; i < sourceIds.size(); i++) {
            String id = sourceIds.get(i);
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, (byte) ((2 + i) / 250), (byte) (2 + i % 250)});
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
            server.setExecutor(executor);
            server.createContext("/feed.xml", exchange -> serve(id, exchange));
            server.start();
            servers.add(server);
            uris.put(id, URI.create("http://" + address.getHostAddress() + ":" + server.getAddress().getPort() + "/feed.xml"));
            feeds.put(id, render(id, List.of()));
        }
    }

    public URI uri(String sourceId) {
        return uris.get(sourceId);
    }

    /** Whether conditional GETs get a 304: off, every poll gets the whole feed, as from most real servers. */
    public void answerConditionalGets(boolean on) {
        conditional = on;
    }

    /** Replaces a source's feed. */
    public void set(String sourceId, List<Entry> entries) {
        feeds.put(sourceId, render(sourceId, List.copyOf(entries)));
    }

    /** Puts one new entry at the top of a source's feed, as a publisher does; the next poll sees it. */
    public void publish(String sourceId, Entry entry) {
        feeds.compute(sourceId, (id, feed) -> {
            List<Entry> entries = new ArrayList<>();
            entries.add(entry);
            entries.addAll(feed.entries());
            return render(id, entries);
        });
    }

    private void serve(String sourceId, HttpExchange exchange) throws IOException {
        try (exchange) {
            Feed feed = feeds.get(sourceId);
            exchange.getResponseHeaders().set("ETag", feed.etag());
            if (conditional && feed.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, feed.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed.body());
            }
        }
    }

    private static Feed render(String sourceId, List<Entry> entries) {
        StringBuilder sb = new StringBuilder(1024 + entries.size() * 2048)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
                .append(sourceId).append("</title><link>https://").append(sourceId).append(".example.org/</link>\n");
        for (Entry e : entries) {
            sb.append("<item><title>").append(escape(e.title())).append("</title><link>").append(escape(e.link()))
                    .append("</link><guid>").append(escape(e.link())).append("</guid><pubDate>")
                    .append(RFC_1123.format(e.published())).append("</pubDate><description>")
                    .append(escape(e.description())).append("</description></item>\n");
        }
        byte[] body = sb.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
        return new Feed(entries, body, "\"" + sourceId + "-" + entries.size() + "-" + java.util.Arrays.hashCode(body) + "\"");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
