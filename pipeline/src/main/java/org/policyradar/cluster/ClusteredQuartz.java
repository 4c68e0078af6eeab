package org.policyradar.cluster;

import java.util.Properties;
import org.apache.camel.component.quartz.QuartzComponent;

/**
 * Camel's Quartz component on Quartz's clustered JDBC job store ({@code JobStoreTX}, {@code PostgreSQLDelegate},
 * {@code isClustered=true}): a trigger fires on exactly one instance; an instance that stops checking in for
 * {@code clusterCheckinInterval} (+ 7.5 s of Quartz's grace) is declared dead and its triggers recovered by the others.
 * With a clustered store Camel neither pauses nor deletes the triggers when an instance stops, so the others go on.
 */
final class ClusteredQuartz {
    /** Quartz's SCHED_NAME: every instance of the deployment must use the same one to share the triggers. */
    static final String SCHEDULER_NAME = "PolicyRadar";
    private static final int THREADS = 4;

    private ClusteredQuartz() {
    }

    static QuartzComponent component(ClusterSettings settings, String instanceId) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(properties(settings, instanceId));
        quartz.setPrefixInstanceName(false); // the scheduler name is the cluster's, not this Camel context's
        quartz.setEnableJmx(false);
        return quartz;
    }

    static Properties properties(ClusterSettings settings, String instanceId) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.checkinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.dataSource", "radar");
        p.setProperty("org.quartz.dataSource.radar.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.radar.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.radar.URL", settings.dbUrl());
        settings.username().ifPresent(u -> p.setProperty("org.quartz.dataSource.radar.user", u));
        settings.password().ifPresent(pw -> p.setProperty("org.quartz.dataSource.radar.password", pw));
        // Quartz's advice for JobStoreTX: at least the worker threads plus three.
        p.setProperty("org.quartz.dataSource.radar.maxConnections", String.valueOf(THREADS + 3));
        return p;
    }
}
