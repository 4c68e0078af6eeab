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
import org.policyradar.alert.AlertsConfigLoader;
import org.policyradar.index.ElasticsearchConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code radar alerts}: the alerts raised recently; {@code alerts test}, {@code alerts evaluate}. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts raised recently (spikes, watches, plan adjustments, digests), newest first, with their delivery state. "
                + "Configured in alerts.yaml in the configuration directory (see docs/alerts.md).")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--since", defaultValue = "24h", description = "How far back (e.g. 24h, 7d; default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--type", description = "Only alerts of this type: spike, watch, change or digest.")
    String type;

    @Option(names = "--json", description = "One JSON object per alert instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Duration back = Durations.parse("--since", since);
        if (type != null && !Alert.TYPES.contains(type)) {
            throw new UserException("--type: '" + type + "' is not an alert type; use " + String.join(", ", Alert.TYPES));
        }
        try (Radar radar = options.open()) {
            AlertEngine engine = radar.alertEngine();
            Instant now = radar.clock().instant();
            List<Alert> alerts = engine.store().list(now.minus(back), Optional.ofNullable(type), 1000);
            PrintWriter out = options.out();
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

    /** {@code radar alerts test}: a test message to every channel. */
    @Command(name = "test", mixinStandardHelpOptions = true, description = "Send a test message to each configured channel.")
    int test(@Mixin CommonOptions test) throws Exception {
        try (Radar radar = test.open()) {
            AlertEngine engine = radar.alertEngine();
            PrintWriter out = test.out();
            if (engine.config().channels().isEmpty()) {
                out.println("no channels configured in " + AlertsConfigLoader.FILE);
                out.flush();
                return 0;
            }
            int failures = 0;
            for (Map.Entry<String, String> e : engine.test(radar.clock().instant()).entrySet()) {
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
    int evaluate(@Mixin CommonOptions evaluate) throws Exception {
        try (Radar radar = evaluate.open()) {
            AlertEngine.Result r = radar.alertEngine().evaluate(radar.clock().instant());
            PrintWriter out = evaluate.out();
            out.printf("raised %d alert(s); %d delivered, %d delivery failure(s)%n", r.raised().size(), r.delivered(),
                    r.deliveryFailures());
            out.flush();
            return r.deliveryFailures() == 0 ? 0 : 1;
        }
    }
}
