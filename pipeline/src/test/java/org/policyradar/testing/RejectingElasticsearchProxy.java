package org.policyradar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP proxy in front of the real Elasticsearch. Everything is forwarded, except {@code _bulk} requests while
 * rejecting: {@link Mode#REQUEST_429} answers the whole request with 429 {@code es_rejected_execution_exception}
 * (indexing pressure), {@link Mode#ITEM_429} answers 200 with every item rejected with 429 (a full write queue),
 * {@link Mode#ITEM_400} with every item refused with 400 {@code document_parsing_exception} (a mapping conflict).
 * Rejected requests never reach Elasticsearch. {@link #hold} keeps matching requests waiting, unanswered and not yet
 * forwarded, until {@link #release()}: a client killed while one is held was killed at that step, deterministically.
 * {@link #holdResponses} forwards matching requests and holds Elasticsearch's answer, then drops the connection
 * unanswered on release: what a client sees when the node dies after applying a request, before answering it.
 */
public final class RejectingElasticsearchProxy implements AutoCloseable {
    /** What happens to bulk requests. */
    public enum Mode { FORWARD, REQUEST_429, ITEM_429, ITEM_400 }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "expect");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.FORWARD);
    private final AtomicInteger rejected = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();
    private volatile BiPredicate<String, String> hold;
    private volatile boolean dropHeldResponses;
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    public RejectingElasticsearchProxy(String target) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode next) {
        mode.set(next);
    }

    /** Holds every request whose path and body (UTF-8) match, until {@link #release()}. */
    public void hold(BiPredicate<String, String> pathAndBody) {
        dropHeldResponses = false;
        hold = pathAndBody;
    }

    /** Forwards every request whose path and body match, holds the answer until {@link #release()}, then drops it. */
    public void holdResponses(BiPredicate<String, String> pathAndBody) {
        dropHeldResponses = true;
        hold = pathAndBody;
    }

    /** Requests held so far (still waiting, or released). */
    public int held() {
        return held.get();
    }

    /** Lets the held requests go on to Elasticsearch, and holds nothing from now on. */
    public void release() {
        hold = null;
        released.countDown();
    }

    /** Bulk requests answered with a rejection so far. */
    public int rejected() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            BiPredicate<String, String> holding = hold;
            boolean drop = dropHeldResponses;
            if (holding != null && holding.test(path, new String(body, StandardCharsets.UTF_8))) {
                if (drop) {
                    client.send(forwarded(exchange, body), HttpResponse.BodyHandlers.discarding());
                }
                held.incrementAndGet();
                released.await();
                if (drop) {
                    return; // closed without a response: the connection is dropped
                }
            }
            Mode m = mode.get();
            if (path.endsWith("/_bulk") && m != Mode.FORWARD) {
                rejected.incrementAndGet();
                reply(exchange, m == Mode.REQUEST_429 ? 429 : 200,
                        m == Mode.REQUEST_429 ? requestRejection() : itemRejections(body, m == Mode.ITEM_400));
                return;
            }
            forward(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest forwarded(HttpExchange exchange, byte[] body) {
        URI uri = URI.create(target + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(forwarded(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] out = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), head || out.length == 0 ? -1 : out.length);
        if (!head && out.length > 0) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private byte[] requestRejection() throws IOException {
        ObjectNode error = json.createObjectNode();
        error.putObject("error").put("type", "es_rejected_execution_exception")
                .put("reason", "rejected execution of coordinating operation [test proxy: indexing pressure]");
        error.put("status", 429);
        return json.writeValueAsBytes(error);
    }

    /** A bulk response that rejects every operation: 429 as a full write queue does, or 400 as a mapping conflict does. */
    private byte[] itemRejections(byte[] bulk, boolean mappingConflict) throws IOException {
        ObjectNode response = json.createObjectNode().put("errors", true).put("took", 1);
        ArrayNode items = response.putArray("items");
        String[] lines = new String(bulk, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode action = json.readTree(lines[i]);
            String op = action.fieldNames().next();
            JsonNode meta = action.get(op);
            ObjectNode item = items.addObject().putObject(op);
            item.put("_index", meta.path("_index").asText("radar-items")).put("_id", meta.path("_id").asText())
                    .put("status", mappingConflict ? 400 : 429);
            if (mappingConflict) {
                item.putObject("error").put("type", "document_parsing_exception")
                        .put("reason", "[1:42] failed to parse field [summary] of type [integer] (test proxy: mapping conflict)");
            } else {
                item.putObject("error").put("type", "es_rejected_execution_exception")
                        .put("reason", "rejected execution of primary operation [test proxy: write queue full]");
            }
            if (!op.equals("delete")) {
                i++; // the document line
            }
        }
        return json.writeValueAsBytes(response);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
