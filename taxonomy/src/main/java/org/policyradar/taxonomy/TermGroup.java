package org.policyradar.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terms that share one weight. Phrases are listed per language; each phrase is matched against whole tokens
 * (English/German/French: CoreNLP tokens, case-insensitive unless {@code case: true}, hyphens optional, a trailing
 * {@code *} on a word matches any word starting with it; Chinese: a run of segments whose concatenation starts with
 * the phrase). {@code tokensregex} holds CoreNLP TokensRegex expressions applied to Latin-script text.
 *
 * @param weight        contribution of one body match (title matches are boosted by the classifier)
 * @param caseSensitive match Latin phrases with their exact case (for acronyms such as {@code AI})
 * @param note          why the group exists, for analysts; ignored by the classifier
 */
public record TermGroup(@JsonProperty("w") Double weight,
                        @JsonProperty("case") Boolean caseSensitive,
                        List<String> en,
                        List<String> de,
                        List<String> fr,
                        List<String> zh,
                        List<String> tokensregex,
                        String note) {

    /** The languages a phrase list can be written in, in file order. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "zh");

    public TermGroup {
        weight = weight == null ? 1.0 : weight;
        caseSensitive = caseSensitive != null && caseSensitive;
        en = en == null ? List.of() : List.copyOf(en);
        de = de == null ? List.of() : List.copyOf(de);
        fr = fr == null ? List.of() : List.copyOf(fr);
        zh = zh == null ? List.of() : List.copyOf(zh);
        tokensregex = tokensregex == null ? List.of() : List.copyOf(tokensregex);
    }

    /** Phrases per language key ({@code en}, {@code de}, {@code fr}, {@code zh}), only the non-empty ones. */
    public Map<String, List<String>> phrasesByLanguage() {
        Map<String, List<String>> byLang = new LinkedHashMap<>();
        if (!en.isEmpty()) byLang.put("en", en);
        if (!de.isEmpty()) byLang.put("de", de);
        if (!fr.isEmpty()) byLang.put("fr", fr);
        if (!zh.isEmpty()) byLang.put("zh", zh);
        return byLang;
    }

    /** Convenience for code: {@code case} with its default (false). */
    public boolean isCaseSensitive() {
        return caseSensitive;
    }

    public boolean isEmpty() {
        return en.isEmpty() && de.isEmpty() && fr.isEmpty() && zh.isEmpty() && tokensregex.isEmpty();
    }
}
