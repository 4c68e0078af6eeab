package org.policyradar.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach Elasticsearch. An empty {@code url} means the embedded default (started on 127.0.0.1 on demand).
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

    /** For logs: never the secrets. */
    @Override
    public String toString() {
        return "ElasticsearchSettings[url=" + url.orElse("embedded") + ", username=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? "***" : "-") + ", apiKey=" + (apiKey.isPresent() ? "***" : "-")
                + ", caFile=" + caFile.map(Path::toString).orElse("-") + "]";
    }
}
