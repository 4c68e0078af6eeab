package org.policyradar.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted over a directory, for real disk-full and read-only faults (chmod does not stop root, a full
 * tmpfs and {@code mount -o remount,ro} do). Needs root; unmounted on close.
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path dir;

    private SmallTmpfs(Path dir) {
        this.dir = dir;
    }

    /** Whether this process may mount (root: CI runs as root). */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static SmallTmpfs mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        exec("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        return new SmallTmpfs(dir);
    }

    /** Fills the tmpfs with {@code file} until the next write would fail with "No space left on device". */
    public void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    public void readOnly() throws IOException, InterruptedException {
        exec("mount", "-o", "remount,ro", dir.toString());
    }

    public void writable() throws IOException, InterruptedException {
        exec("mount", "-o", "remount,rw", dir.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        exec("umount", "-l", dir.toString());
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
