package org.policyradar.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

/** The unprivileged system user a server runs as when we are root, and the small commands that prepare for it. */
public final class ProcessUser {
    private ProcessUser() {
    }

    public static void ensure(String user) throws IOException {
        if (run(List.of("id", user), null) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user), null) != 0) {
            throw new IOException("cannot create the system user '" + user + "' that the server runs as (it refuses root)");
        }
    }

    public static void chown(Path path, String user) throws IOException {
        if (run(List.of("chown", "-R", user + ":", path.toString()), null) != 0) {
            throw new IOException("cannot chown " + path + " to " + user);
        }
    }

    /** The unprivileged user must be able to reach dir: /root and mktemp directories are 0700. */
    public static void makeTraversable(Path dir, String user) throws IOException {
        for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                if (p.equals(dir) || p.startsWith(Path.of("/tmp")) || p.startsWith(Path.of("/var"))) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                } else {
                    throw new IOException(p + " is not traversable by the unprivileged user '" + user + "' the server runs "
                            + "as; choose a data directory outside it (RADAR_DATA_DIR or data_dir in radar.yaml)");
                }
            }
        }
    }

    /** Runs a command to its end; its output goes to {@code log} (appended) or is discarded. */
    public static int run(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return pb.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }
}
