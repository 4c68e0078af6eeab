package org.policyradar.cli;

import org.policyradar.app.UserException;
import org.policyradar.app.LogRouting;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.policyradar.config.ConfigLoader;
import org.policyradar.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code radar}: the command line of PolicyRadar. */
@Command(name = "radar", mixinStandardHelpOptions = true, version = "PolicyRadar 0.1.0",
        description = "Policy-monitoring news ingestion: fetch, classify, index, search and alert.",
        subcommands = {RunCommand.class, ClassifyCommand.class, SearchCommand.class, SourcesCommand.class, SpoolCommand.class,
                AlertsCommand.class, KibanaCommand.class, ExtractCommand.class, EvalCommand.class, TrainCommand.class, ReclassifyCommand.class, BenchCommand.class, EsCommand.class, PgCommand.class,
                CommandLine.HelpCommand.class})
public final class RadarCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log lines on the terminal (stderr) too; they always go to DATA_DIR/logs/radar.log.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, CliEnvironment.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command; user errors print a one-line message (no stack trace) and give exit code 2. */
    public static int execute(String[] args, CliEnvironment environment, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RadarCli(), new EnvironmentFactory(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(parseResult -> {
            Path fallback = environment.env().containsKey("RADAR_DATA_DIR") ? Path.of(environment.env().get("RADAR_DATA_DIR"))
                    : ConfigLoader.defaultDataDir();
            try (LogRouting ignored = LogRouting.begin(verbose(parseResult), fallback)) {
                return new CommandLine.RunLast().execute(parseResult);
            }
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof UserException) {
                commandLine.getErr().println("radar: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            commandLine.getErr().println("radar: " + ex);
            ex.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** {@code --verbose} anywhere on the line: it is inherited by every command. */
    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Gives commands that ask for it (a constructor taking {@link CliEnvironment}) the process environment. */
    private record EnvironmentFactory(CliEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> c = type.getDeclaredConstructor(CliEnvironment.class);
                c.setAccessible(true);
                return c.newInstance(environment);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
