package org.policyradar.process.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Free TCP ports on 127.0.0.1 for a node's HTTP and transport listeners. */
public final class LoopbackPorts {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackPorts.class);

    private LoopbackPorts() {
    }

    /** {@code preferred} when it is free (0: no preference), else any free port. */
    public static int free(int preferred) throws IOException {
        if (preferred > 0) {
            try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException busy) {
                LOG.info("event=es_port_busy port={} action=choosing_free_port", preferred);
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
