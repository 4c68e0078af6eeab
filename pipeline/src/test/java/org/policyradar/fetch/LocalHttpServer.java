package org.policyradar.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 for fetcher tests, recording every request it gets. */
final class LocalHttpServer implements AutoCloseable {
    /** One request as the server saw it. */
    record Hit(String path, String ifNoneMatch, String ifModifiedSince, String userAgent, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    LocalHttpServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            hits.add(new Hit(exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("If-Modified-Since"),
                    exchange.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    long hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
