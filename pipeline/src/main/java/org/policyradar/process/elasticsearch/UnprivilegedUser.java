package org.policyradar.process.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

/**
 * Elasticsearch refuses to run as root: as root, a node runs as the system user {@code esrun} (created if missing)
 * through {@code setpriv}, and owns its directories. A non-root caller runs it as itself.
 */
public final class UnprivilegedUser {
    static final String NAME = "esrun";

    private UnprivilegedUser() {
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * As root: creates the user, makes {@code dir} reachable and hands it over; returns the command prefix that drops
     * privileges. Otherwise an empty prefix.
     */
    public static List<String> prepare(Path dir) throws IOException {
        if (!isRoot()) {
            return List.of();
        }
        ensureUser();
        makeTraversable(dir);
        if (run(List.of("chown", "-R", NAME + ":", dir.toString())) != 0) {
            throw new IOException("cannot chown " + dir + " to " + NAME);
        }
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups", "--");
    }

    private static void ensureUser() throws IOException {
        if (run(List.of("id", NAME)) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME)) != 0) {
            throw new IOException("cannot create the system user '" + NAME + "' that Elasticsearch runs as (it refuses root)");
        }
    }

    /** The unprivileged user must be able to reach dir: /root and mktemp directories are 0700. */
    private static void makeTraversable(Path dir) throws IOException {
        for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                continue;
            }
            if (p.equals(dir) || p.startsWith(Path.of("/tmp")) || p.startsWith(Path.of("/var"))) {
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
            } else {
                throw new IOException(p + " is not traversable by the unprivileged user '" + NAME + "' that "
                        + "Elasticsearch runs as; choose a data directory outside it (RADAR_DATA_DIR or data_dir in radar.yaml)");
            }
        }
    }

    private static int run(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }
}
