package org.policyradar.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One news item as stored in the {@code radar-items} index. Field names are the index mapping's
 * ({@code pipeline/src/main/resources/elasticsearch/radar-items-template.json}).
 *
 * @param published          when the source says it was published; the fetch time when it says nothing
 * @param publishedEstimated true when {@code published} is the fetch time
 * @param evidence           topic id to the matched terms
 * @param evidenceDetail     every match with its field and offsets, for display
 * @param titleTokens        analysed title (CoreNLP tokens/segments, space-separated)
 * @param bodyTokens         analysed summary and text
 * @param simhash            SimHash of title and summary (hex); stored, no longer used for lookup
 * @param simhashBands       near-duplicate lookup keys of title and summary ({@link MinHashLsh#keys}); the field keeps
 *                           its first scheme's name so that the mapping is unchanged
 * @param duplicateOf        id of the earliest item this one nearly duplicates (syndicated copy), or null
 * @param contentType        what a followed link was read as ({@code text/html}, {@code application/pdf}); null for feed entries
 * @param gloss              for a Chinese item, its matched terms and actors with their English names
 *                           ({@code 芯片: semiconductors and chips; 华为: Huawei}), else null ({@link Glossary})
 * @param figures            the amounts, percentages and years the item states ({@code 70%}, {@code 200亿元}, {@code 2027年}),
 *                           as written, for reading targets without opening the item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(String id,
                   String url,
                   @JsonProperty("canonical_url") String canonicalUrl,
                   String title,
                   String summary,
                   String text,
                   Instant published,
                   @JsonProperty("published_estimated") boolean publishedEstimated,
                   Instant fetched,
                   String lang,
                   SourceRef source,
                   List<String> topics,
                   Map<String, Double> scores,
                   Map<String, List<String>> evidence,
                   @JsonProperty("evidence_detail") List<EvidenceDetail> evidenceDetail,
                   List<String> entities,
                   List<String> signals,
                   @JsonProperty("title_tokens") String titleTokens,
                   @JsonProperty("body_tokens") String bodyTokens,
                   String simhash,
                   @JsonProperty("simhash_bands") List<String> simhashBands,
                   @JsonProperty("duplicate_of") String duplicateOf,
                   @JsonProperty("content_type") String contentType,
                   String gloss,
                   List<String> figures) {

    /** A new item, each field named; what is not set stays null (false) and is left out of the stored document. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this item's fields, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.url = url;
        b.canonicalUrl = canonicalUrl;
        b.title = title;
        b.summary = summary;
        b.text = text;
        b.published = published;
        b.publishedEstimated = publishedEstimated;
        b.fetched = fetched;
        b.lang = lang;
        b.source = source;
        b.topics = topics;
        b.scores = scores;
        b.evidence = evidence;
        b.evidenceDetail = evidenceDetail;
        b.entities = entities;
        b.signals = signals;
        b.titleTokens = titleTokens;
        b.bodyTokens = bodyTokens;
        b.simhash = simhash;
        b.simhashBands = simhashBands;
        b.duplicateOf = duplicateOf;
        b.contentType = contentType;
        b.gloss = gloss;
        b.figures = figures;
        return b;
    }

    /** The same item with its SimHash fingerprint and near-duplicate lookup keys of title and summary. */
    public Item withFingerprint() {
        String fingerprinted = fingerprintText(title, summary);
        return toBuilder().simhash(SimHash.hex(SimHash.of(fingerprinted)))
                .simhashBands(MinHashLsh.keys(SimHash.shingles(fingerprinted))).build();
    }

    /**
     * The text near-duplicates are judged on: title and the first 500 chars of the summary. One definition for the
     * lookup keys and for confirmation, so an item compares alike with an indexed copy and with a copy in its batch.
     */
    public static String fingerprintText(String title, String summary) {
        String s = summary == null ? "" : summary;
        return (title == null ? "" : title) + " " + s.substring(0, Math.min(500, s.length()));
    }

    /** The same item marked as a near-duplicate of the earlier item {@code firstId}. */
    public Item withDuplicateOf(String firstId) {
        return toBuilder().duplicateOf(firstId).build();
    }

    /** The same item marked with what its followed link was read as. */
    public Item withContentType(String type) {
        return toBuilder().contentType(type).build();
    }

    /** The same item with its English gloss and the figures it states. */
    public Item withGloss(String englishGloss, List<String> statedFigures) {
        return toBuilder().gloss(englishGloss)
                .figures(statedFigures == null || statedFigures.isEmpty() ? null : List.copyOf(statedFigures)).build();
    }

    /** Names every field an item sets: the record's 25 positions are never written out at a call site. */
    public static final class Builder {
        private String id, url, canonicalUrl, title, summary, text, lang, titleTokens, bodyTokens, simhash, duplicateOf, contentType, gloss;
        private Instant published, fetched;
        private boolean publishedEstimated;
        private SourceRef source;
        private List<String> topics, entities, signals, simhashBands, figures;
        private Map<String, Double> scores;
        private Map<String, List<String>> evidence;
        private List<EvidenceDetail> evidenceDetail;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder url(String url) { this.url = url; return this; }
        public Builder canonicalUrl(String canonicalUrl) { this.canonicalUrl = canonicalUrl; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder text(String text) { this.text = text; return this; }
        public Builder published(Instant published) { this.published = published; return this; }
        public Builder publishedEstimated(boolean publishedEstimated) { this.publishedEstimated = publishedEstimated; return this; }
        public Builder fetched(Instant fetched) { this.fetched = fetched; return this; }
        public Builder lang(String lang) { this.lang = lang; return this; }
        public Builder source(SourceRef source) { this.source = source; return this; }
        public Builder topics(List<String> topics) { this.topics = topics; return this; }
        public Builder scores(Map<String, Double> scores) { this.scores = scores; return this; }
        public Builder evidence(Map<String, List<String>> evidence) { this.evidence = evidence; return this; }
        public Builder evidenceDetail(List<EvidenceDetail> evidenceDetail) { this.evidenceDetail = evidenceDetail; return this; }
        public Builder entities(List<String> entities) { this.entities = entities; return this; }
        public Builder signals(List<String> signals) { this.signals = signals; return this; }
        public Builder titleTokens(String titleTokens) { this.titleTokens = titleTokens; return this; }
        public Builder bodyTokens(String bodyTokens) { this.bodyTokens = bodyTokens; return this; }
        public Builder simhash(String simhash) { this.simhash = simhash; return this; }
        public Builder simhashBands(List<String> simhashBands) { this.simhashBands = simhashBands; return this; }
        public Builder duplicateOf(String duplicateOf) { this.duplicateOf = duplicateOf; return this; }
        public Builder contentType(String contentType) { this.contentType = contentType; return this; }
        public Builder gloss(String gloss) { this.gloss = gloss; return this; }
        public Builder figures(List<String> figures) { this.figures = figures; return this; }

        public Item build() {
            return new Item(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics, scores, evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, simhash, simhashBands, duplicateOf, contentType, gloss, figures);
        }
    }

    /** One match behind a topic, flattened for the index. */
    public record EvidenceDetail(String topic, String term, String rule, String field, int begin, int end, double weight) {
    }
}
