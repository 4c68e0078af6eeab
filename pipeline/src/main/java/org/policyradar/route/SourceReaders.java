package org.policyradar.route;

import java.util.EnumMap;
import java.util.Map;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;

/** The reader of each source kind: a new kind is one {@link SourceReader} and one entry in this map. */
public final class SourceReaders {
    private final Map<SourceKind, SourceReader> byKind;

    public SourceReaders(Map<SourceKind, SourceReader> byKind) {
        this.byKind = new EnumMap<>(byKind);
    }

    public SourceReader of(SourceConfig source) {
        SourceReader reader = byKind.get(source.kind());
        if (reader == null) {
            throw new IllegalStateException("source=" + source.id() + " no reader for kind '" + source.kind().id() + "'");
        }
        return reader;
    }
}
