package org.policyradar.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.policyradar.classify.Classification;
import org.policyradar.classify.EntityMention;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.Signal;

/**
 * The fields of a stored item that its classification decides, named as in the index mapping. One definition for a
 * new item ({@link ItemFactory}) and for re-classifying a stored one ({@code reclassify/}), so both write the same
 * thing. Serialised with nulls kept: in a partial update a null clears what an earlier classification stored.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClassifiedFields(String lang,
                               List<String> topics,
                               Map<String, Double> scores,
                               Map<String, List<String>> evidence,
                               @JsonProperty("evidence_detail") List<Item.EvidenceDetail> evidenceDetail,
                               List<String> entities,
                               List<String> signals,
                               @JsonProperty("title_tokens") String titleTokens,
                               @JsonProperty("body_tokens") String bodyTokens,
                               String gloss,
                               List<String> figures) {
    private static final List<String> NUMERIC_KINDS = List.of("money", "percent", "year");
    private static final int MAX_FIGURES = 30;

    public static ClassifiedFields of(Classification c, Glossary glossary) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        List<Item.EvidenceDetail> detail = new ArrayList<>();
        c.evidence().forEach((topic, list) -> {
            LinkedHashSet<String> terms = new LinkedHashSet<>();
            for (Evidence e : list) {
                terms.add(e.term());
                detail.add(new Item.EvidenceDetail(e.topic(), e.term(), e.rule(), e.field(), e.begin(), e.end(), e.weight()));
            }
            evidence.put(topic, List.copyOf(terms));
        });
        List<String> entities = c.entities().stream().map(EntityMention::id).distinct().toList();
        List<String> signals = c.signals().stream().map(Signal::kind).distinct().toList();
        List<String> figures = figures(c);
        return new ClassifiedFields(c.lang(), c.topics(), c.scores(), evidence, detail, entities, signals,
                c.tokens().get("title"), c.tokens().get("body"), glossary.gloss(c), figures.isEmpty() ? null : figures);
    }

    /** The numeric mentions (money, percent, year) as written, in text order, each once, at most {@value #MAX_FIGURES}. */
    static List<String> figures(Classification c) {
        return c.signals().stream().filter(s -> NUMERIC_KINDS.contains(s.kind())).map(Signal::term).map(String::strip)
                .distinct().limit(MAX_FIGURES).toList();
    }
}
