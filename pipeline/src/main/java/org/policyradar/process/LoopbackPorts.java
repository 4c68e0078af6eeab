package org.policyradar.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ports on 127.0.0.1 for a server we start, and the tail of its console log for an error message. */
public final class LoopbackPorts {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackPorts.class);

    private LoopbackPorts() {
    }

    /** {@code preferred} when it is free (0: no preference), else any free port. */
    public static int choose(int preferred) throws IOException {
        if (preferred > 0) {
            try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException busy) {
                LOG.info("event=port_busy port={} action=choosing_free_port", preferred);
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The last 30 lines of a log, or why it cannot be read. */
    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
