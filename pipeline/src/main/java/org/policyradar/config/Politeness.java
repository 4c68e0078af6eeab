package org.policyradar.config;

import java.time.Duration;

/**
 * How gently sources' hosts are fetched: at least {@code hostDelay} between request starts to one host, at most
 * {@code hostConcurrency} requests to it in flight ({@code politeness:} in radar.yaml).
 */
public record Politeness(Duration hostDelay, int hostConcurrency) {
    public static Politeness defaults() {
        return new Politeness(Duration.ofSeconds(1), 2);
    }
}
