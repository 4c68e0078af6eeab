package org.policyradar.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.CyclicBufferAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where a command's log lines go: {@code DATA_DIR/logs/radar.log} (rotated at 10 MB, five files kept), and the
 * terminal only with {@code --verbose}, so a summary table or JSON output is not buried under retries and robots.txt
 * notices. Lines logged before the data directory is known (the configuration is read inside the command) wait in a
 * bounded buffer and are written to the file once it is. The routing lives in Logback's own context, named by
 * appender, so {@link Radar} can point it at the file without being handed this object; {@link #close()} puts
 * the console back (a test JVM runs many commands in a row).
 */
public final class LogRouting implements AutoCloseable {
    /** The console appender of {@code logback.xml}. */
    public static final String CONSOLE = "STDERR";
    private static final String FILE = "RADAR_FILE";
    private static final String PENDING = "RADAR_PENDING";
    private static final int PENDING_LIMIT = 2000;
    private static final String PATTERN_PROPERTY = "RADAR_LOG_PATTERN";
    private static final String FALLBACK_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} level=%level logger=%logger{0} %msg%n";

    private final Logger root;
    private final Appender<ILoggingEvent> detachedConsole;
    private final Path fallbackDataDir;

    private LogRouting(Logger root, Appender<ILoggingEvent> detachedConsole, Path fallbackDataDir) {
        this.root = root;
        this.detachedConsole = detachedConsole;
        this.fallbackDataDir = fallbackDataDir;
    }

    /**
     * Starts a command's routing: the console stays only when {@code verbose}; lines wait for the file.
     * {@code fallbackDataDir} takes what a command that never reads the configuration logged.
     */
    public static LogRouting begin(boolean verbose, Path fallbackDataDir) {
        Logger root = rootLogger();
        if (root == null) {
            return new LogRouting(null, null, fallbackDataDir);
        }
        CyclicBufferAppender<ILoggingEvent> pending = new CyclicBufferAppender<>();
        pending.setName(PENDING);
        pending.setMaxSize(PENDING_LIMIT);
        pending.setContext(root.getLoggerContext());
        pending.start();
        root.addAppender(pending);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
        if (!verbose && console != null) {
            root.detachAppender(console);
            return new LogRouting(root, console, fallbackDataDir);
        }
        return new LogRouting(root, null, fallbackDataDir);
    }

    /** Sends the log to {@code DATA_DIR/logs/radar.log} from now on, with the lines logged so far. */
    public static void toDataDir(Path dataDir) {
        Logger root = rootLogger();
        if (root == null || root.getAppender(FILE) != null) {
            return;
        }
        LoggerContext context = root.getLoggerContext();
        Path file = dataDir.resolve("logs").resolve("radar.log");
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(FILE);
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dataDir.resolve("logs").resolve("radar.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern(context));
        encoder.start();
        appender.setEncoder(encoder);
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        rolling.start();
        trigger.start();
        appender.start();
        if (!appender.isStarted()) {
            return; // Logback reported why on its status; the command goes on without a log file
        }
        if (root.getAppender(PENDING) instanceof CyclicBufferAppender<ILoggingEvent> pending) {
            for (int i = 0; i < pending.getLength(); i++) {
                appender.doAppend(pending.get(i));
            }
            root.detachAppender(pending);
            pending.stop();
        }
        root.addAppender(appender);
    }

    /** Closes the file and gives the console back its lines. */
    @Override
    public void close() {
        if (root == null) {
            return;
        }
        if (root.getAppender(PENDING) instanceof CyclicBufferAppender<ILoggingEvent> pending && pending.getLength() > 0) {
            toDataDir(fallbackDataDir);
        }
        for (String name : new String[] {FILE, PENDING}) {
            Appender<ILoggingEvent> appender = root.getAppender(name);
            if (appender != null) {
                root.detachAppender(appender);
                appender.stop();
            }
        }
        if (detachedConsole != null && root.getAppender(CONSOLE) == null) {
            root.addAppender(detachedConsole);
        }
    }

    /** The file's lines look like the console's: one pattern, the {@code RADAR_LOG_PATTERN} of {@code logback.xml}. */
    private static String pattern(LoggerContext context) {
        String pattern = context.getProperty(PATTERN_PROPERTY);
        return pattern == null || pattern.isBlank() ? FALLBACK_PATTERN : pattern;
    }

    private static Logger rootLogger() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                ? context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) : null;
    }
}
