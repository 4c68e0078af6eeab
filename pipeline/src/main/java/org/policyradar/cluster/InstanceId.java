package org.policyradar.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process's name in the cluster (Quartz's instance id, log lines): host and pid, unique among live instances. */
final class InstanceId {
    private InstanceId() {
    }

    static String of() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
