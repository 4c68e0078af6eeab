package org.policyradar.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * Cluster mode's settings: the shared PostgreSQL and how often each instance checks in with Quartz's clustered job
 * store (a dead instance's triggers are taken over by the others after about this interval plus 7.5 s).
 *
 * @param dbUrl           {@code jdbc:postgresql://HOST:PORT/DATABASE}, optionally with {@code ?user=}
 * @param username        the role, when not in the URL
 * @param password        never from radar.yaml itself: the environment or a file
 * @param checkinInterval Quartz's {@code org.quartz.jobStore.clusterCheckinInterval}
 */
public record ClusterSettings(String dbUrl, Optional<String> username, Optional<String> password, Duration checkinInterval) {
    public static final Duration DEFAULT_CHECKIN = Duration.ofSeconds(10);

    @Override
    public String toString() { // the password never reaches a log line
        return "ClusterSettings[dbUrl=" + dbUrl + ", username=" + username.orElse("(from url)") + ", checkinInterval="
                + checkinInterval + "]";
    }
}
