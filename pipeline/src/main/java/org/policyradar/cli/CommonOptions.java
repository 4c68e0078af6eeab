package org.policyradar.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.policyradar.app.Radar;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command that reads configuration shares ({@code @Mixin CommonOptions options}): the {@code --config DIR}
 * option, the process environment (given by the command line's factory) and the command's output streams; a command
 * parses its own arguments and calls the application {@link #open()} gives it.
 */
final class CommonOptions {
    private final CliEnvironment environment;

    CommonOptions(CliEnvironment environment) {
        this.environment = environment;
    }

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "${env:RADAR_CONFIG:-config}",
            description = "Configuration directory with sources.yaml and optional radar.yaml (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The application on this configuration; close it when the command is done. */
    Radar open() {
        return new Radar(dir, environment.application());
    }

    CliEnvironment environment() {
        return environment;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
