package org.policyradar.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

/**
 * The unprivileged system user a server runs as when we are root (Elasticsearch and PostgreSQL both refuse root),
 * and the small commands that prepare for it. A non-root caller runs the server as itself.
 *
 * @param name   the system user, created if missing
 * @param server the server's name, for error messages
 */
public record ProcessUser(String name, String server) {

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * As root: creates the user, makes {@code dir} reachable and hands it over; returns the command prefix that drops
     * privileges. Otherwise an empty prefix.
     */
    public List<String> prepare(Path dir) throws IOException {
        if (!isRoot()) {
            return List.of();
        }
        ensure();
        makeTraversable(dir);
        chown(dir);
        return dropPrivileges();
    }

    /** The command prefix that runs what follows as this user. */
    public List<String> dropPrivileges() {
        return List.of("setpriv", "--reuid=" + name, "--regid=" + name, "--init-groups", "--");
    }

    public void ensure() throws IOException {
        if (run(List.of("id", name), null) != 0
                && run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name), null) != 0) {
            throw new IOException("cannot create the system user '" + name + "' that " + server + " runs as (it refuses root)");
        }
    }

    public void chown(Path path) throws IOException {
        if (run(List.of("chown", "-R", name + ":", path.toString()), null) != 0) {
            throw new IOException("cannot chown " + path + " to " + name);
        }
    }

    /** The unprivileged user must be able to reach dir: /root and mktemp directories are 0700. */
    public void makeTraversable(Path dir) throws IOException {
        for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                continue;
            }
            if (p.equals(dir) || p.startsWith(Path.of("/tmp")) || p.startsWith(Path.of("/var"))) {
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
            } else {
                throw new IOException(p + " is not traversable by the unprivileged user '" + name + "' that " + server
                        + " runs as; choose a data directory outside it (RADAR_DATA_DIR or data_dir in radar.yaml)");
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
