package org.policyradar.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs {@code radar} commands in the test JVM with one shared environment, so the CoreNLP models are loaded once
 * per test JVM however many commands run.
 */
final class CliHarness {
    static final CliEnvironment ENVIRONMENT = CliEnvironment.system();

    /** Exit code and the two output streams of one command. */
    record Result(int code, String out, String err) {
    }

    private CliHarness() {
    }

    static Result run(String... args) {
        return run(Map.of(), new ByteArrayInputStream(new byte[0]), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return run(Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static Result run(Map<String, String> env, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RadarCli.execute(args, ENVIRONMENT.withEnv(env).withStdin(stdin), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
