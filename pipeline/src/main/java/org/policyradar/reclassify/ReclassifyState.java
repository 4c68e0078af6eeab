package org.policyradar.reclassify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a re-classification run stands, saved after every page whose updates Elasticsearch acknowledged, so a killed
 * run resumes after the last item it wrote instead of starting over.
 *
 * @param after          sort values ({@code id}) of the last item written; empty before the first page
 * @param publishedFrom  the {@code --since} cutoff as fixed when the run began: a resumed run covers the same items
 * @param added          topic id to how many items gained it
 * @param removed        topic id to how many items lost it
 * @param complete       true once every item of the scope was processed
 */
public record ReclassifyState(String alias,
                              String source,
                              String since,
                              @JsonProperty("published_from") Instant publishedFrom,
                              @JsonProperty("classifier_version") String classifierVersion,
                              List<String> after,
                              long done,
                              long changed,
                              long conflicts,
                              long failed,
                              Map<String, Long> added,
                              Map<String, Long> removed,
                              Instant started,
                              boolean complete) {
    public ReclassifyState {
        after = after == null ? List.of() : List.copyOf(after);
        added = new TreeMap<>(added == null ? Map.of() : added);
        removed = new TreeMap<>(removed == null ? Map.of() : removed);
    }

    static ReclassifyState begin(ReclassifyScope scope, Instant publishedFrom, String classifierVersion, Instant now) {
        return new ReclassifyState(scope.alias(), scope.source().orElse(null), scope.since().orElse(null), publishedFrom,
                classifierVersion, List.of(), 0, 0, 0, 0, Map.of(), Map.of(), now, false);
    }

    /** Whether a run of this scope under this classifier goes on from here rather than starting again. */
    boolean resumes(ReclassifyScope scope, String version) {
        return !complete && alias.equals(scope.alias()) && java.util.Objects.equals(source, scope.source().orElse(null))
                && java.util.Objects.equals(since, scope.since().orElse(null)) && classifierVersion.equals(version);
    }

    /** This state after one more page. */
    ReclassifyState plus(PageOutcome page) {
        Map<String, Long> a = new TreeMap<>(added);
        page.added().forEach((t, n) -> a.merge(t, n, Long::sum));
        Map<String, Long> r = new TreeMap<>(removed);
        page.removed().forEach((t, n) -> r.merge(t, n, Long::sum));
        return new ReclassifyState(alias, source, since, publishedFrom, classifierVersion, page.lastSort(), done + page.items(),
                changed + page.changed(), conflicts + page.conflicts(), failed + page.failed(), a, r, started, false);
    }

    ReclassifyState completed() {
        return new ReclassifyState(alias, source, since, publishedFrom, classifierVersion, after, done, changed, conflicts,
                failed, added, removed, started, true);
    }
}
