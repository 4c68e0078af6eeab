package org.policyradar.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to reach Elasticsearch. An empty {@code url} means the embedded default (started on 127.0.0.1 on demand);
 * several comma-separated base URLs are the nodes of one cluster ({@link #hosts()}).
 * Secrets never live in the YAML: they are read from environment variables or files.
 */
public record ElasticsearchSettings(Optional<String> url,
                                    Optional<String> username,
                                    Optional<String> password,
                                    Optional<String> apiKey,
                                    Optional<Path> caFile) {

    public static ElasticsearchSettings embedded() {
        return new ElasticsearchSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A cluster at {@code url} without authentication. */
    public static ElasticsearchSettings at(String url) {
        return new ElasticsearchSettings(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The configured nodes (validated at start-up by {@link ElasticsearchUrls}); empty for the embedded default. */
    public List<URI> hosts() {
        return url.map(u -> ElasticsearchUrls.parse(u, "elasticsearch.url")).orElse(List.of());
    }

    /** For logs: never the secrets. */
    @Override
    public String toString() {
        return "ElasticsearchSettings[url=" + url.orElse("embedded") + ", username=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? "***" : "-") + ", apiKey=" + (apiKey.isPresent() ? "***" : "-")
                + ", caFile=" + caFile.map(Path::toString).orElse("-") + "]";
    }
}
