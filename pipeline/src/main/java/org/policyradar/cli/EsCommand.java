package org.policyradar.cli;

import java.time.Duration;
import org.policyradar.app.Radar;
import picocli.CommandLine.Command;

/** {@code radar es start|status|stop}: the embedded default Elasticsearch. */
@Command(name = "es", mixinStandardHelpOptions = true,
        description = "Manage the embedded Elasticsearch (used when no elasticsearch.url / RADAR_ES_URL is configured).",
        subcommands = {EsCommand.Start.class, EsCommand.Status.class, EsCommand.Stop.class})
final class EsCommand extends EmbeddedServerCommands.Server {
    EsCommand() {
        super("es", Duration.ofMinutes(3), "", Radar::embedded);
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Unpack (once) and start Elasticsearch on 127.0.0.1, wait for health; prints its URL.")
    static final class Start extends EmbeddedServerCommands.Start {
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "First line: the base URL. Exit 0 when it is up, 1 when not.")
    static final class Status extends EmbeddedServerCommands.Status {
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the embedded Elasticsearch by its pid.")
    static final class Stop extends EmbeddedServerCommands.Stop {
    }
}
