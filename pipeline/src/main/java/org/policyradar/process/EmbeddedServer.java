package org.policyradar.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A server we start on 127.0.0.1 that outlives the command that started it (the embedded Elasticsearch and PostgreSQL). */
public interface EmbeddedServer {

    /** Starts it (or finds it running) and waits until it serves. */
    ServerState start(Duration timeout);

    /** Its state when it is running and serving. */
    Optional<ServerState> running();

    /** Stops it by its pid; false when it was not running. */
    boolean stop();

    Path baseDir();

    /** Where its files are, as {@code key=value} words for status lines. */
    default String files() {
        return "data=" + baseDir().resolve("data");
    }
}
