package org.policyradar.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config DIR} option shared by the commands that read configuration. */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:RADAR_CONFIG:-config}",
            description = "Configuration directory with sources.yaml and optional radar.yaml (default: ${DEFAULT-VALUE}).")
    Path dir;
}
