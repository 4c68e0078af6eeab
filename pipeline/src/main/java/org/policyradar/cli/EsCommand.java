package org.policyradar.cli;

import org.policyradar.app.Radar;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.policyradar.process.elasticsearch.EmbeddedElasticsearch;
import org.policyradar.process.elasticsearch.NodeState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code radar es start|status|stop}: the embedded default Elasticsearch. */
@Command(name = "es", mixinStandardHelpOptions = true,
        description = "Manage the embedded Elasticsearch (used when no elasticsearch.url / RADAR_ES_URL is configured).",
        subcommands = {EsCommand.Start.class, EsCommand.Status.class, EsCommand.Stop.class})
final class EsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static EmbeddedElasticsearch embedded(CommonOptions options) {
        try (Radar radar = options.open()) {
            return radar.embedded();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Unpack (once) and start Elasticsearch on 127.0.0.1, wait for health; prints its URL.")
    static final class Start implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() {
            EmbeddedElasticsearch es = embedded(options);
            NodeState state = es.start(Duration.ofMinutes(3));
            PrintWriter out = options.out();
            out.println(state.url());
            out.println("pid=" + state.pid() + " data=" + es.baseDir().resolve("data"));
            out.flush();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "First line: the base URL. Exit 0 when it is up, 1 when not.")
    static final class Status implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() {
            EmbeddedElasticsearch es = embedded(options);
            PrintWriter out = options.out();
            var state = es.running();
            if (state.isPresent()) {
                out.println(state.get().url());
                out.println("status=up pid=" + state.get().pid() + " data=" + es.baseDir().resolve("data"));
                out.flush();
                return 0;
            }
            out.println("not running");
            out.println("status=down data=" + es.baseDir().resolve("data") + " (start it with: radar es start)");
            out.flush();
            return 1;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the embedded Elasticsearch by its pid.")
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
