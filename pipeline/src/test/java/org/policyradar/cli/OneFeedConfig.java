package org.policyradar.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration directory with one feed source and its Elasticsearch, data under {@code DIR/data}. */
final class OneFeedConfig {
    private OneFeedConfig() {
    }

    static void write(Path dir, String sourceId, URI feed, String schedule, String elasticsearchUrl) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: %s, name: %s, region: EU, language: en, kind: feed, url: "%s", schedule: %s}
                """.formatted(sourceId, sourceId, feed, schedule));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(elasticsearchUrl, dir.resolve("data")));
    }
}
