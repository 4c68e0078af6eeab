package org.policyradar.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * What raised an alert. Stored in {@code radar-alerts} as its {@link #wireName()} ({@code spike}, {@code signal-spike}),
 * the keyword the Kibana objects and {@code radar alerts --type} filter on.
 */
public enum AlertType {
    SPIKE("spike", "Topic spike"),
    WATCH("watch", "Watch match"),
    CHANGE("change", "Plan adjustment"),
    DIGEST("digest", "Digest"),
    /** A taxonomy signal spiking within a topic ({@link SignalSpikeDetector}). */
    SIGNAL_SPIKE("signal-spike", "Signal spike"),
    /** A message sent by {@code radar alerts test}; never stored. */
    TEST("test", "Test");

    /** The types stored in {@code radar-alerts}, by wire name. */
    public static final List<String> STORED = Arrays.stream(values()).filter(t -> t != TEST).map(AlertType::wireName).toList();

    private final String wireName;
    private final String heading;

    AlertType(String wireName, String heading) {
        this.wireName = wireName;
        this.heading = heading;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The mail's heading for this kind of alert. */
    public String heading() {
        return heading;
    }

    @JsonCreator
    public static AlertType of(String wireName) {
        for (AlertType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown alert type '" + wireName + "'; known: " + STORED);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
