package org.policyradar.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1, recording every request it gets. It serves bytes we give it
 * ({@link #serve}, with ETag/If-None-Match support) or hands a path to a handler of the test's own ({@link #on}: slow
 * bodies, redirects, counted failures). The one local server of the tests.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** A served resource. {@code etag} null: no validators, always 200. */
    public record Resource(byte[] body, String contentType, String etag, int status) {
        public static Resource ok(byte[] body, String contentType) {
            return new Resource(body, contentType, null, 200);
        }

        public static Resource withEtag(byte[] body, String contentType, String etag) {
            return new Resource(body, contentType, etag, 200);
        }
    }

    /** {@link Request#status()} of a request answered by a handler given to {@link #on}. */
    public static final int HANDLED = 0;

    /**
     * One request as received: its path (without query), headers, the status answered ({@link #HANDLED} when a
     * handler answered), and when it arrived ({@link System#nanoTime()}).
     */
    public record Request(String method, String path, Map<String, List<String>> headers, int status, long nanos) {
        /** The first value of a request header, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> extraHeaders = new ConcurrentHashMap<>();

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public void serve(String path, Resource resource) {
        resources.put(path, resource);
    }

    /** Serves {@code resource} with further response headers (a redirect's Location, a WAF's challenge header). */
    public void serve(String path, Resource resource, Map<String, String> headers) {
        extraHeaders.put(path, Map.copyOf(headers));
        resources.put(path, resource);
    }

    /** Hands every request under {@code pathPrefix} (the longest registered prefix wins) to {@code handler}. */
    public LocalHttpServer on(String pathPrefix, HttpHandler handler) {
        handlers.put(pathPrefix, handler);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        return requests.stream().sorted(java.util.Comparator.comparingLong(Request::nanos)).toList();
    }

    /** How many requests asked for exactly this path. */
    public long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Answers with {@code status} and {@code body} (no body when empty), for handlers given to {@link #on}. */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        Resource r = resources.get(path);
        HttpHandler handler = r != null ? null : handlers.entrySet().stream().filter(h -> path.startsWith(h.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length())).map(Map.Entry::getValue).orElse(null);
        if (handler != null) {
            // recorded before the handler answers: a test may count requests as soon as its client has a response
            requests.add(new Request(exchange.getRequestMethod(), path, headers, HANDLED, arrived));
            try (exchange) {
                handler.handle(exchange);
            }
            return;
        }
        int status;
        byte[] body;
        if (r == null) {
            status = 404;
            body = "not found".getBytes();
        } else if (r.etag() != null && r.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            status = 304;
            body = null;
        } else {
            status = r.status();
            body = r.body();
            if (r.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", r.contentType());
            }
        }
        extraHeaders.getOrDefault(path, Map.of()).forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (r != null && r.etag() != null) {
            exchange.getResponseHeaders().add("ETag", r.etag());
        }
        requests.add(new Request(exchange.getRequestMethod(), path, headers, status, arrived));
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
