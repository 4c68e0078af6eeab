package org.policyradar.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 serving bytes we give it, with ETag/If-None-Match support, recording every request.
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

    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers, int status) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> extraHeaders = new ConcurrentHashMap<>();

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
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

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Resource r = resources.get(path);
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
        requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), status));
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
    }
}
