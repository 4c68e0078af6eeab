package org.policyradar.cli;

import java.time.Duration;
import org.policyradar.app.Radar;
import picocli.CommandLine.Command;

/** {@code radar es start|status|stop}: the embedded default Elasticsearch. */
@Command(name = "es", mixinStandardHelpOptions = true,
        description = "Manage the embedded Elasticsearch (used when no elasticsearch.url / RADAR_ES_URL is configured).",
        subcommands = {EmbeddedServerCommands.Start.class, EmbeddedServerCommands.Status.class, EmbeddedServerCommands.Stop.class},
        modelTransformer = EsCommand.Help.class)
final class EsCommand extends EmbeddedServerCommands.Server {
    EsCommand() {
        super("es", Duration.ofMinutes(3), "", Radar::embedded);
    }

    static final class Help extends EmbeddedServerCommands.Help {
        Help() {
            super("Unpack (once) and start Elasticsearch on 127.0.0.1, wait for health; prints its URL.",
                    "First line: the base URL. Exit 0 when it is up, 1 when not.",
                    "Stop the embedded Elasticsearch by its pid.");
        }
    }
}
