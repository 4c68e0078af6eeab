package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.policyradar.alert.AlertsConfig;
import org.policyradar.kibana.WatchSearches;
import picocli.CommandLine.Option;

/**
 * What {@code radar kibana validate} and {@code kibana import} work on: the saved-objects file, followed by one saved
 * search per watch of the configuration's alerts.yaml unless {@code --no-watches}.
 */
final class SavedObjectsInput {
    static final String DEFAULT_FILE = "kibana/policyradar.ndjson";

    @Option(names = "--file", paramLabel = "NDJSON", defaultValue = DEFAULT_FILE,
            description = "Saved-objects export (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--no-watches", negatable = false,
            description = "Do not add the saved searches generated from the watches of alerts.yaml.")
    boolean noWatches;

    /** The file's NDJSON, then the watches' saved searches, their queries expanded as the watch evaluation does. */
    String ndjson(Radar radar) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no saved-objects file at " + file + " (give it with --file)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (noWatches) {
            return text;
        }
        return (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + watchSearches(radar);
    }

    /** The saved searches generated from the watches of the configuration's alerts.yaml (none without one). */
    static String watchSearches(Radar radar) {
        AlertsConfig alerts = radar.alertsConfig();
        // the expansion needs the configuration's taxonomy: only asked for when there is a watch to expand
        return alerts.watches().isEmpty() ? "" : new WatchSearches(radar.queryExpander()).toNdjson(alerts.watches());
    }
}
