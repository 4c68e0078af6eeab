package org.policyradar.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports an NDJSON export through Kibana's saved-objects import API ({@code POST /api/saved_objects/_import?overwrite=true},
 * multipart field {@code file}), into the default space or {@code /s/<space>}.
 */
public final class KibanaImporter {
    public static final String DEFAULT_URL = "http://127.0.0.1:5601";

    /** Where and as whom: an API key wins over username and password. */
    public record Target(String url, Optional<String> space, Optional<String> apiKey, Optional<String> username,
                         Optional<String> password) {
        /** From RADAR_KIBANA_URL, RADAR_KIBANA_API_KEY, RADAR_KIBANA_USERNAME, RADAR_KIBANA_PASSWORD; flags win. */
        public static Target fromEnv(Map<String, String> env, String urlFlag, String spaceFlag) {
            String url = urlFlag != null && !urlFlag.isBlank() ? urlFlag : env.getOrDefault("RADAR_KIBANA_URL", DEFAULT_URL);
            return new Target(url, Optional.ofNullable(spaceFlag).filter(s -> !s.isBlank()),
                    nonBlank(env.get("RADAR_KIBANA_API_KEY")), nonBlank(env.get("RADAR_KIBANA_USERNAME")),
                    nonBlank(env.get("RADAR_KIBANA_PASSWORD")));
        }

        private static Optional<String> nonBlank(String s) {
            return Optional.ofNullable(s).filter(v -> !v.isBlank());
        }

        URI importUri() {
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            String prefix = space.map(s -> "/s/" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
            return URI.create(base + prefix + "/api/saved_objects/_import?overwrite=true");
        }
    }

    /** One object Kibana refused. */
    public record ObjectError(String type, String id, String title, String error) {
    }

    /** HTTP status, whether Kibana reported success, how many objects it imported, and the refused ones. */
    public record Result(int status, boolean success, int successCount, List<ObjectError> errors, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Result importFile(Target target, String fileName, byte[] ndjson) throws IOException, InterruptedException {
        String boundary = "policyradar-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(ndjson);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(target.importUri()).timeout(Duration.ofMinutes(2))
                .header("kbn-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (target.apiKey().isPresent()) {
            request.header("Authorization", "ApiKey " + target.apiKey().get());
        } else if (target.username().isPresent()) {
            String basic = target.username().get() + ":" + target.password().orElse("");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = SavedObjects.JSON.readTree(response.body());
        } catch (IOException e) {
            json = SavedObjects.JSON.createObjectNode();
        }
        List<ObjectError> errors = new ArrayList<>();
        for (JsonNode e : json.path("errors")) {
            JsonNode err = e.path("error");
            String reason = err.path("type").asText("error");
            if (err.has("message")) {
                reason += ": " + err.path("message").asText();
            }
            if (err.has("references")) {
                reason += " " + err.path("references");
            }
            errors.add(new ObjectError(e.path("type").asText(), e.path("id").asText(), e.path("meta").path("title")
                    .asText(e.path("title").asText("")), reason));
        }
        boolean ok = response.statusCode() / 100 == 2 && json.path("success").asBoolean(false);
        return new Result(response.statusCode(), ok, json.path("successCount").asInt(0), errors, response.body());
    }
}
