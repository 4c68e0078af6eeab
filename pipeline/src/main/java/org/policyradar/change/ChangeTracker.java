package org.policyradar.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.policyradar.config.SourceConfig;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.SourceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Called from ingestion for every fetched page of a {@code track_changes} source: stores a new version in
 * {@code radar-versions} when the page's normalised main text differs from its last stored version, with the
 * word diff and a summary. The first fetch stores version 1 (nothing to compare); an unchanged text stores nothing.
 * The alert itself is raised later by the alert engine from the stored version.
 */
public final class ChangeTracker {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTracker.class);

    /** Does nothing: for wiring without tracking (tools, tests of other parts). */
    public static final ChangeTracker NONE = new ChangeTracker(null, null, IgnoreRules.NONE);

    private final VersionStore store;
    private final ChangeSummary summariser;
    private final IgnoreRules rules;

    public ChangeTracker(VersionStore store, ChangeSummary summariser, IgnoreRules rules) {
        this.store = store;
        this.summariser = summariser;
        this.rules = rules;
    }

    /**
     * Records the page's text if it changed. Throws when Elasticsearch cannot be read or written; the caller then
     * keeps the page's old validators so the next poll fetches and compares it again.
     *
     * @return the version stored now, if any
     */
    public Optional<PageVersion> track(SourceConfig source, String url, String title, String text, Instant fetched) {
        if (store == null || !source.trackChanges() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        TextNormaliser normaliser = rules.normaliserFor(source.id());
        String normalised = normaliser.normalise(text);
        String itemId = CanonicalUrl.documentId(url);
        Optional<PageVersion> previous = store.latest(itemId);
        SourceRef ref = new SourceRef(source.id(), source.name(), source.region().name());
        PageVersion version;
        if (previous.isEmpty()) {
            version = new PageVersion(url, CanonicalUrl.canonicalize(url), itemId, ref, 1, fetched, title,
                    TextNormaliser.hash(normalised), text, false, 0, 0, null, null, null, List.of());
        } else {
            // The old text is normalised again with today's rules, so a rule added later also silences old noise.
            String before = normaliser.normalise(previous.get().text());
            if (before.equals(normalised)) {
                LOG.debug("event=page_unchanged source={} url={} version={}", source.id(), url, previous.get().version());
                return Optional.empty();
            }
            Diff diff = WordDiff.diff(before, normalised);
            if (!diff.hasChanges()) { // only whitespace moved
                return Optional.empty();
            }
            ChangeSummary.Summary summary = summariser.summarise(diff, before, normalised);
            version = new PageVersion(url, CanonicalUrl.canonicalize(url), itemId, ref, previous.get().version() + 1, fetched,
                    title, TextNormaliser.hash(normalised), text, true, diff.wordsAdded(), diff.wordsRemoved(), diff.render(),
                    summary.text(), previous.get().fetched(), summary.signals());
        }
        if (!store.create(version)) {
            return Optional.empty(); // stored concurrently by another poll of the same page
        }
        LOG.info("event=page_version source={} url={} version={} words_added={} words_removed={}", source.id(), url,
                version.version(), version.wordsAdded(), version.wordsRemoved());
        return Optional.of(version);
    }
}
