package org.policyradar.change;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.policyradar.item.SourceRef;

/**
 * One stored version of a tracked page's main text ({@code radar-versions}; mapping:
 * {@code elasticsearch/radar-versions-template.json}). Version 1 is the first fetch; every later version differs
 * from the one before it after {@link TextNormaliser normalisation} and carries the diff and its summary.
 *
 * @param text          the extracted main text as fetched (normalisation is re-applied when comparing, so a new
 *                      ignore rule takes effect on old versions too)
 * @param textHash      SHA-256 of the normalised text
 * @param changed       false for the first version, true for every edit
 * @param diff          the changed passages ({@link Diff#render()}), null for version 1
 * @param changeSummary the "what changed" summary ({@link ChangeSummary}), null for version 1
 * @param previousFetched when the version this one was compared with was fetched, null for version 1
 * @param signals       the taxonomy's signals (targets, funding, self-reliance …) named in changed sentences that
 *                      carry a changed figure: the plan's numbers for that signal moved; empty for version 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageVersion(String url,
                          @JsonProperty("canonical_url") String canonicalUrl,
                          @JsonProperty("item_id") String itemId,
                          SourceRef source,
                          int version,
                          Instant fetched,
                          String title,
                          @JsonProperty("text_hash") String textHash,
                          String text,
                          boolean changed,
                          @JsonProperty("words_added") int wordsAdded,
                          @JsonProperty("words_removed") int wordsRemoved,
                          String diff,
                          @JsonProperty("change_summary") String changeSummary,
                          @JsonProperty("previous_fetched") Instant previousFetched,
                          List<String> signals) {

    public PageVersion {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** The document id: one per page and version. */
    public String id() {
        return itemId + "-v" + version;
    }
}
