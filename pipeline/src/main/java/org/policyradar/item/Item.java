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

    /** An item read from no followed link, without a gloss. */
    public Item(String id, String url, String canonicalUrl, String title, String summary, String text, Instant published,
                boolean publishedEstimated, Instant fetched, String lang, SourceRef source, List<String> topics,
                Map<String, Double> scores, Map<String, List<String>> evidence, List<EvidenceDetail> evidenceDetail,
                List<String> entities, List<String> signals, String titleTokens, String bodyTokens, String simhash,
                List<String> simhashBands, String duplicateOf) {
        this(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics, scores,
                evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, simhash, simhashBands, duplicateOf, null, null, null);
    }

    /** An item before near-duplicate detection. */
    public Item(String id, String url, String canonicalUrl, String title, String summary, String text, Instant published,
                boolean publishedEstimated, Instant fetched, String lang, SourceRef source, List<String> topics,
                Map<String, Double> scores, Map<String, List<String>> evidence, List<EvidenceDetail> evidenceDetail,
                List<String> entities, List<String> signals, String titleTokens, String bodyTokens) {
        this(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics, scores,
                evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, null, null, null);
    }

    /** The same item with its SimHash fingerprint and near-duplicate lookup keys of title and summary. */
    public Item withFingerprint() {
        String fingerprinted = fingerprintText(title, summary);
        return new Item(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics,
                scores, evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, SimHash.hex(SimHash.of(fingerprinted)),
                MinHashLsh.keys(SimHash.shingles(fingerprinted)), duplicateOf, contentType, gloss, figures);
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
        return new Item(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics,
                scores, evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, simhash, simhashBands, firstId, contentType, gloss, figures);
    }

    /** The same item marked with what its followed link was read as. */
    public Item withContentType(String type) {
        return new Item(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics,
                scores, evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, simhash, simhashBands, duplicateOf, type,
                gloss, figures);
    }

    /** The same item with its English gloss and the figures it states. */
    public Item withGloss(String englishGloss, List<String> statedFigures) {
        return new Item(id, url, canonicalUrl, title, summary, text, published, publishedEstimated, fetched, lang, source, topics,
                scores, evidence, evidenceDetail, entities, signals, titleTokens, bodyTokens, simhash, simhashBands, duplicateOf,
                contentType, englishGloss, statedFigures == null || statedFigures.isEmpty() ? null : List.copyOf(statedFigures));
    }

    /** One match behind a topic, flattened for the index. */
    public record EvidenceDetail(String topic, String term, String rule, String field, int begin, int end, double weight) {
    }
}
