package org.policyradar.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from the configuration directory: {@code radar.yaml} (optional) and {@code sources.yaml}.
 *
 * @param dataDir        where the embedded Elasticsearch, fetch state and spool live
 * @param taxonomy       an analyst-edited taxonomy file, instead of the built-in one
 * @param classifyThreads how many items are classified in parallel
 * @param politeness     per-host delay and concurrency of fetches
 */
public record RadarConfig(Path configDir,
                          Path dataDir,
                          ElasticsearchSettings elasticsearch,
                          Optional<Path> taxonomy,
                          int classifyThreads,
                          Politeness politeness,
                          List<SourceConfig> sources) {
}
