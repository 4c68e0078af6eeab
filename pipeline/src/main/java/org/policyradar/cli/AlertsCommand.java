package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyradar.alert.Alert;
import org.policyradar.alert.AlertEngine;
import org.policyradar.alert.AlertsConfig;
import org.policyradar.alert.AlertsConfigLoader;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ElasticsearchConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radar alerts}: the alerts raised recently; {@code alerts test}, {@code alerts evaluate}. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts raised recently (spikes, watches, plan adjustments, digests), newest first, with their delivery state. "
                + "Configured in alerts.yaml in the configuration directory (see docs/alerts.md).")
final class AlertsCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    AlertsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--since", defaultValue = "24h", description = "How far back (e.g. 24h, 7d; default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--type", description = "Only alerts of this type: spike, watch, change or digest.")
    String type;

    @Option(names = "--json", description = "One JSON object per alert instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration back = Durations.parse("--since", since);
        if (type != null && !Alert.TYPES.contains(type)) {
            throw new UserException("--type: '" + type + "' is not an alert type; use " + String.join(", ", Alert.TYPES));
        }
        try (Radar services = new Radar(config.dir, environment)) {
            AlertEngine engine = engine(services);
            Instant now = services.clock().instant();
            List<Alert> alerts = engine.store().list(now.minus(back), Optional.ofNullable(type), 1000);
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = ElasticsearchConnection.objectMapper();
            if (!json) {
                out.printf("%-20s %-6s %-9s %-24s  %s%n", "CREATED", "TYPE", "DELIVERED", "TOPIC/WATCH/SOURCE", "TITLE");
            }
            for (Alert a : alerts) {
                if (json) {
                    out.println(mapper.writeValueAsString(a));
                } else {
                    out.printf("%-20s %-6s %-9s %-24s  %s%n", a.created().toString().substring(0, 19), a.type(),
                            Boolean.TRUE.equals(a.delivered()) ? "yes" : "pending", subject(a), a.title());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** What the alert is about, for the table: the watch, the changed page's source, the topic, or the period. */
    private static String subject(Alert a) {
        if (a.watch() != null) {
            return a.watch();
        }
        if (a.source() != null) {
            return a.source().id();
        }
        if (a.topic() != null) {
            return a.topic();
        }
        return a.windowEnd() != null ? "until " + a.windowEnd().toString().substring(0, 16) : "";
    }

    private AlertEngine engine(Radar services) {
        AlertsConfig alerts = new AlertsConfigLoader(environment.env()).loadFromDirectory(services.config().configDir());
        AlertEngine engine = new AlertEngine(services.elasticsearch().client(), alerts, IndexSetup.ITEMS.alias(), services.queryExpander());
        engine.ensureIndices();
        return engine;
    }

    /** {@code radar alerts test}: a test message to every channel. */
    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send a test message to each configured channel.")
    int test(@Mixin ConfigOption options) throws Exception {
        try (Radar services = new Radar(options.dir, environment)) {
            AlertEngine engine = engine(services);
            PrintWriter out = spec.commandLine().getOut();
            if (engine.config().channels().isEmpty()) {
                out.println("no channels configured in " + AlertsConfigLoader.FILE);
                out.flush();
                return 0;
            }
            int failures = 0;
            for (Map.Entry<String, String> e : engine.test(services.clock().instant()).entrySet()) {
                if (e.getValue() == null) {
                    out.println(e.getKey() + ": sent");
                } else {
                    out.println(e.getKey() + ": FAILED: " + e.getValue());
                    failures++;
                }
            }
            out.flush();
            return failures == 0 ? 0 : 1;
        }
    }

    /** {@code radar alerts evaluate}: one evaluation now (watches, spikes, pending deliveries). */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Evaluate watches, spikes, plan adjustments and the digest now and deliver pending alerts.")
    int evaluate(@Mixin ConfigOption options) throws Exception {
        try (Radar services = new Radar(options.dir, environment)) {
            AlertEngine.Result r = engine(services).evaluate(services.clock().instant());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("raised %d alert(s); %d delivered, %d delivery failure(s)%n", r.raised().size(), r.delivered(),
                    r.deliveryFailures());
            out.flush();
            return r.deliveryFailures() == 0 ? 0 : 1;
        }
    }
}
