package org.policyradar.cli;

import java.time.Duration;
import org.policyradar.app.Radar;
import picocli.CommandLine.Command;

/** {@code radar pg start|status|stop}: an embedded PostgreSQL for trying cluster mode on one machine. */
@Command(name = "pg", mixinStandardHelpOptions = true,
        description = {"Manage an embedded PostgreSQL (Debian's postgresql binaries, data under DATA_DIR/postgres) for "
                + "cluster mode on one machine: RADAR_CLUSTER_DB=<the URL status prints> "
                + "RADAR_CLUSTER_DB_PASSWORD_FILE=<its password file>.",
                "RADAR_PG_BIN overrides the binaries' directory, RADAR_PG_PORT the preferred port (5432; a free one if taken)."},
        subcommands = {EmbeddedServerCommands.Start.class, EmbeddedServerCommands.Status.class, EmbeddedServerCommands.Stop.class},
        modelTransformer = PgCommand.Help.class)
final class PgCommand extends EmbeddedServerCommands.Server {
    /** Start prints the same lines as status. */
    PgCommand() {
        super("pg", Duration.ofMinutes(2), "status=up ", Radar::embeddedPostgres);
    }

    static final class Help extends EmbeddedServerCommands.Help {
        Help() {
            super("Initialise (once) and start PostgreSQL on 127.0.0.1, wait until it accepts logins; prints its JDBC URL.",
                    "First line: the JDBC URL. Exit 0 when it is up, 1 when not.",
                    "Stop the embedded PostgreSQL by its pid (fast shutdown).");
        }
    }
}
