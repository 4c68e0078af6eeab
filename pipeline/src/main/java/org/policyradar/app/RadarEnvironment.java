package org.policyradar.app;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What the application takes from the process around it: environment variables (they win over radar.yaml), the
 * clock, and the cache of loaded taxonomies and classifiers (a test JVM or a long-lived process loads them once).
 */
public record RadarEnvironment(Map<String, String> env, Clock clock, ClassifierCache classifiers) {

    /** The same environment with some variables set (or replaced). */
    public RadarEnvironment withEnv(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return new RadarEnvironment(Map.copyOf(merged), clock, classifiers);
    }
}
