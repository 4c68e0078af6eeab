package org.policyradar.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import org.policyradar.app.ClassifierCache;
import org.policyradar.app.RadarEnvironment;

/**
 * What the commands get from the process around them: environment variables, the clock, stdin, and a cache of
 * loaded classifiers (models take seconds to load; a test JVM or a long-lived process loads them once).
 */
public record CliEnvironment(Map<String, String> env, Clock clock, InputStream stdin, ClassifierCache classifiers) {

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Clock.systemUTC(), System.in, new ClassifierCache());
    }

    public CliEnvironment withEnv(Map<String, String> overrides) {
        return new CliEnvironment(application().withEnv(overrides).env(), clock, stdin, classifiers);
    }

    public CliEnvironment withStdin(InputStream in) {
        return new CliEnvironment(env, clock, in, classifiers);
    }

    /** What the application needs of it. */
    public RadarEnvironment application() {
        return new RadarEnvironment(env, clock, classifiers);
    }
}
