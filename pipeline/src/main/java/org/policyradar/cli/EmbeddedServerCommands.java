package org.policyradar.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.policyradar.app.Radar;
import org.policyradar.process.EmbeddedServer;
import org.policyradar.process.ServerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The start/status/stop subcommands of {@code radar es} and {@code radar pg}, one body each: the server and what
 * their words differ in come from the parent command ({@link Server}), their help text from its {@link Help}.
 */
final class EmbeddedServerCommands {
    private EmbeddedServerCommands() {
    }

    /**
     * {@code radar es} and {@code radar pg}: what they differ in is given to the constructor.
     */
    abstract static class Server implements Runnable {
        private final String name;
        private final Duration startTimeout;
        private final String startedPrefix;
        private final Function<Radar, EmbeddedServer> open;
        @Spec
        CommandSpec spec;

        /**
         * @param name          the command's name, for the hint how to start the server
         * @param startedPrefix what the second line of {@code start} begins with, before {@code pid=}
         * @param open          the server of this configuration
         */
        Server(String name, Duration startTimeout, String startedPrefix, Function<Radar, EmbeddedServer> open) {
            this.name = name;
            this.startTimeout = startTimeout;
            this.startedPrefix = startedPrefix;
            this.open = open;
        }

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        Server parent;
        @Mixin
        CommonOptions options;

        EmbeddedServer server() {
            try (Radar radar = options.open()) {
                return parent.open.apply(radar);
            }
        }

        void printUp(String prefix, EmbeddedServer server, ServerState state) {
            PrintWriter out = options.out();
            out.println(state.url());
            out.println(prefix + "pid=" + state.pid() + " " + server.files());
            out.flush();
        }
    }

    /**
     * The subcommands' help text of one parent ({@code @Command(modelTransformer = ...)}), set once picocli has built
     * them: the subcommand classes are shared, what they do to each server is not.
     */
    abstract static class Help implements IModelTransformer {
        private final String start;
        private final String status;
        private final String stop;

        Help(String start, String status, String stop) {
            this.start = start;
            this.status = status;
            this.stop = stop;
        }

        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.subcommands().get("start").getCommandSpec().usageMessage().description(start);
            spec.subcommands().get("status").getCommandSpec().usageMessage().description(status);
            spec.subcommands().get("stop").getCommandSpec().usageMessage().description(stop);
            return spec;
        }
    }

    /** Prints the URL, then pid and files; exit 0. */
    @Command(name = "start", mixinStandardHelpOptions = true)
    static final class Start extends Subcommand {
        @Override
        public Integer call() {
            EmbeddedServer server = server();
            printUp(parent.startedPrefix, server, server.start(parent.startTimeout));
            return 0;
        }
    }

    /** First line the URL or "not running"; exit 0 when up, 1 when not. */
    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status extends Subcommand {
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
            out.println("status=down data=" + server.baseDir().resolve("data") + " (start it with: radar " + parent.name + " start)");
            out.flush();
            return 1;
        }
    }

    /** "stopped" or "not running"; exit 0 either way. */
    @Command(name = "stop", mixinStandardHelpOptions = true)
    static final class Stop extends Subcommand {
        @Override
        public Integer call() {
            boolean stopped = server().stop();
            options.out().println(stopped ? "stopped" : "not running");
            options.out().flush();
            return 0;
        }
    }
}
