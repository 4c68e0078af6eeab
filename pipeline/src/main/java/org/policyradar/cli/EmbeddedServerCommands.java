package org.policyradar.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyradar.app.Radar;
import org.policyradar.process.EmbeddedServer;
import org.policyradar.process.ServerState;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * The start/status/stop subcommands of {@code radar es} and {@code radar pg}, one body each: the server and what
 * their words differ in come from the parent command ({@link Server}), which names its own subclasses for their help.
 */
final class EmbeddedServerCommands {
    private EmbeddedServerCommands() {
    }

    /** What {@code radar es} and {@code radar pg} differ in. */
    interface Server {
        /** The command's name, for the hint how to start it. */
        String name();

        EmbeddedServer open(Radar radar);

        Duration startTimeout();

        /** What the second line of {@code start} begins with, before {@code pid=}. */
        String startedPrefix();
    }

    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        Server parent;
        @Mixin
        CommonOptions options;

        EmbeddedServer server() {
            try (Radar radar = options.open()) {
                return parent.open(radar);
            }
        }

        void printUp(String prefix, EmbeddedServer server, ServerState state) {
            PrintWriter out = options.out();
            out.println(state.url());
            out.println(prefix + "pid=" + state.pid() + " " + server.files());
            out.flush();
        }
    }

    /** Prints the URL, then pid and files; exit 0. */
    abstract static class Start extends Subcommand {
        @Override
        public Integer call() {
            EmbeddedServer server = server();
            printUp(parent.startedPrefix(), server, server.start(parent.startTimeout()));
            return 0;
        }
    }

    /** First line the URL or "not running"; exit 0 when up, 1 when not. */
    abstract static class Status extends Subcommand {
        @Override
        public Integer call() {
            EmbeddedServer server = server();
            Optional<ServerState> state = server.running();
            if (state.isPresent()) {
                printUp("status=up ", server, state.get());
                return 0;
            }
            PrintWriter out = options.out();
            out.println("not running");
            out.println("status=down data=" + server.baseDir().resolve("data") + " (start it with: radar " + parent.name() + " start)");
            out.flush();
            return 1;
        }
    }

    /** "stopped" or "not running"; exit 0 either way. */
    abstract static class Stop extends Subcommand {
        @Override
        public Integer call() {
            boolean stopped = server().stop();
            options.out().println(stopped ? "stopped" : "not running");
            options.out().flush();
            return 0;
        }
    }
}
