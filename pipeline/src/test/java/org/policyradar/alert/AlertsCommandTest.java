package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.cli.CliEnvironment;
import org.policyradar.cli.RadarCli;
import org.policyradar.testing.TestElasticsearch;

/** {@code radar alerts}, {@code radar alerts test}, {@code radar alerts evaluate} through the real command line. */
class AlertsCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run radar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RadarCli.execute(args, CliEnvironment.system().withEnv(Map.of("RADAR_ES_URL", TestElasticsearch.url())),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void configure(String alertsYaml) throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: cli-test, name: CLI test, region: EU, language: en, kind: feed, url: "https://cli.example/feed", schedule: 1h}
                """);
        Files.writeString(dir.resolve("alerts.yaml"), alertsYaml);
    }

    @Test
    void testListAndEvaluateCommands() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            configure("channels:\n  - {id: chat, type: webhook, url: \"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\"}\n");
            Run test = radar("alerts", "test", "--config", dir.toString());
            assertThat(test.code()).as(test.err()).isZero();
            assertThat(test.out()).contains("chat: sent");
            assertThat(bodies).hasSize(1);
            assertThat(bodies.get(0)).contains("\"text\"").contains("Test message");

            Run evaluate = radar("alerts", "evaluate", "--config", dir.toString());
            assertThat(evaluate.code()).as(evaluate.err()).isZero();
            assertThat(evaluate.out()).contains("raised");

            Run list = radar("alerts", "--config", dir.toString(), "--since", "7d", "--type", "spike");
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).startsWith("CREATED");
            Run json = radar("alerts", "--config", dir.toString(), "--json");
            assertThat(json.code()).as(json.err()).isZero();

            for (String type : List.of("spike", "watch", "change", "digest")) {
                Run byType = radar("alerts", "--config", dir.toString(), "--since", "7d", "--type", type);
                assertThat(byType.code()).as(type + ": " + byType.err()).isZero();
                assertThat(byType.out()).startsWith("CREATED");
            }
            Run badType = radar("alerts", "--config", dir.toString(), "--type", "bogus");
            assertThat(badType.code()).isEqualTo(2);
            assertThat(badType.err()).contains("--type");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anInvalidAlertsYamlIsAOneLineErrorNamingFileAndKey() throws Exception {
        configure("watches:\n  - {id: w1}\n");
        Run r = radar("alerts", "--config", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("alerts.yaml").contains("watch 'w1': key 'query'");
    }
}
