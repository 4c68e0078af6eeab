package org.policyradar.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.TaxonomyLoader;

/** The query rewriting on its own, over the default taxonomy (segmenter: a fixed stand-in for CoreNLP's). */
class QueryExpanderTest {
    private final QueryExpander expander = new QueryExpander(Concepts.of(TaxonomyLoader.loadDefault()),
            p -> p.equals("集成电路") ? "集成 电路" : p);

    @Test
    void aThemeTermBecomesAnOrOfAllItsNamesKeepingTheUsersOwn() {
        QueryExpander.Expansion e = expander.expand("semiconductors");
        assertThat(e.query()).startsWith("(semiconductors OR semiconductor* OR \"chip\"").contains("\"集成电路\" OR \"集成 电路\"");
        assertThat(e.used()).singleElement().satisfies(u -> {
            assertThat(u.concept()).isEqualTo("chips");
            assertThat(u.kind()).isEqualTo("theme");
            assertThat(u.english()).isEqualTo("semiconductors and chips");
        });
    }

    @Test
    void operatorsFieldQueriesNegationsAndUnknownWordsAreLeftAlone() {
        QueryExpander.Expansion e = expander.expand("topics:ai AND -Huawei OR (quantum* NOT football)");
        assertThat(e.query()).isEqualTo("topics:ai AND -Huawei OR (quantum* NOT football)");
        assertThat(e.used()).isEmpty();
    }

    @Test
    void multiWordNamesAreMatchedLongestFirstAndQuotedPhrasesAsAWhole() {
        QueryExpander.Expansion e = expander.expand("Made in China 2025 AND \"Cyberspace Administration of China\"");
        assertThat(e.used()).extracting(QueryExpander.Used::concept).containsExactly("mic2025", "cac");
        assertThat(e.query()).startsWith("(\"Made in China 2025\" OR \"中国制造2025\") AND (\"Cyberspace Administration of China\" OR");
    }

    @Test
    void caseSensitiveAliasesOnlyMatchTheirCase() {
        assertThat(expander.expand("most").used()).isEmpty(); // not the Ministry of Science and Technology
        assertThat(expander.expand("MOST").used()).extracting(QueryExpander.Used::concept).containsExactly("most");
    }

    @Test
    void noneExpandsNothing() {
        assertThat(QueryExpander.none().expand("芯片 Huawei").query()).isEqualTo("芯片 Huawei");
    }
}
