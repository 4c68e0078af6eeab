package org.policyradar.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Starting an embedded server under {@code baseDir/start.lock}, so that two commands starting it at once get one
 * server: the running one if it serves, else the recorded one whose process is alive (still starting, or hung: the
 * server says which), else a new one.
 */
public final class StartLock {
    /** Launches a new server and records it. */
    public interface Launch {
        ServerState launch() throws IOException;
    }

    private StartLock() {
    }

    /**
     * @param name               the server's name in the error message, e.g. {@code elasticsearch}
     * @param aliveButNotServing given a recorded server whose process is alive but that does not serve: its state once
     *                           it serves, or an exception that says why not
     */
    public static ServerState start(EmbeddedServer server, StateFile<ServerState> stateFile, String name,
            UnaryOperator<ServerState> aliveButNotServing, Launch launch) {
        Path baseDir = server.baseDir();
        try {
            Files.createDirectories(baseDir);
            try (FileChannel lockChannel = FileChannel.open(baseDir.resolve("start.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
                Optional<ServerState> existing = server.running();
                if (existing.isPresent()) {
                    return existing.get();
                }
                Optional<ServerState> stale = stateFile.read();
                if (stale.isPresent() && alive(stale.get())) {
                    return aliveButNotServing.apply(stale.get());
                }
                return launch.launch();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded " + name + " under " + baseDir, e);
        }
    }

    /** Whether the recorded launcher process is alive. */
    public static boolean alive(ServerState state) {
        return ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
