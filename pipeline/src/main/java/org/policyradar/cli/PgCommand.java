package org.policyradar.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.policyradar.app.Radar;
import org.policyradar.process.postgres.EmbeddedPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code radar pg start|status|stop}: an embedded PostgreSQL for trying cluster mode on one machine. */
@Command(name = "pg", mixinStandardHelpOptions = true,
        description = {"Manage an embedded PostgreSQL (Debian's postgresql binaries, data under DATA_DIR/postgres) for "
                + "cluster mode on one machine: RADAR_CLUSTER_DB=<the URL status prints> "
                + "RADAR_CLUSTER_DB_PASSWORD_FILE=<its password file>.",
                "RADAR_PG_BIN overrides the binaries' directory, RADAR_PG_PORT the preferred port (5432; a free one if taken)."},
        subcommands = {PgCommand.Start.class, PgCommand.Status.class, PgCommand.Stop.class})
final class PgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static EmbeddedPostgres embedded(CommonOptions options) {
        try (Radar radar = options.open()) {
            return radar.embeddedPostgres();
        }
    }

    private static void printUp(PrintWriter out, EmbeddedPostgres pg, EmbeddedPostgres.State state) {
        out.println(state.url());
        out.println("status=up pid=" + state.pid() + " password_file=" + pg.passwordFile() + " data=" + pg.baseDir().resolve("data"));
        out.flush();
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Initialise (once) and start PostgreSQL on 127.0.0.1, wait until it accepts logins; prints its JDBC URL.")
    static final class Start implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() {
            EmbeddedPostgres pg = embedded(options);
            printUp(options.out(), pg, pg.start(Duration.ofMinutes(2)));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "First line: the JDBC URL. Exit 0 when it is up, 1 when not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() {
            EmbeddedPostgres pg = embedded(options);
            PrintWriter out = options.out();
            var state = pg.running();
            if (state.isPresent()) {
                printUp(out, pg, state.get());
                return 0;
            }
            out.println("not running");
            out.println("status=down data=" + pg.baseDir().resolve("data") + " (start it with: radar pg start)");
            out.flush();
            return 1;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the embedded PostgreSQL by its pid (fast shutdown).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() {
            boolean stopped = embedded(options).stop();
            options.out().println(stopped ? "stopped" : "not running");
            options.out().flush();
            return 0;
        }
    }
}
