package org.policyradar.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The KQL translator on its own: the query DSL Kibana builds for each form our saved objects use. */
class KqlTest {
    private static String dsl(String kql) {
        return Kql.toQuery(kql).toString();
    }

    @Test
    void fieldValuesBecomePhraseMatchExistsRangeAndWildcardQueries() {
        assertThat(dsl("topics : \"5g\"")).isEqualTo("{\"match_phrase\":{\"topics\":\"5g\"}}");
        assertThat(dsl("changed : true")).isEqualTo("{\"match\":{\"changed\":\"true\"}}");
        assertThat(dsl("signals : *")).isEqualTo("{\"exists\":{\"field\":\"signals\"}}");
        assertThat(dsl("consecutive_failures > 0")).isEqualTo("{\"range\":{\"consecutive_failures\":{\"gt\":\"0\"}}}");
        assertThat(dsl("words_added<=12")).isEqualTo("{\"range\":{\"words_added\":{\"lte\":\"12\"}}}");
        assertThat(dsl("source.id : kt-*")).isEqualTo("{\"wildcard\":{\"source.id\":\"kt-*\"}}");
        assertThat(dsl("")).isEqualTo("{\"match_all\":{}}");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(dsl("a : 1 or b : 2 and not c : 3")).isEqualTo("{\"bool\":{\"should\":[{\"match\":{\"a\":\"1\"}},"
                + "{\"bool\":{\"filter\":[{\"match\":{\"b\":\"2\"}},{\"bool\":{\"must_not\":[{\"match\":{\"c\":\"3\"}}]}}]}}],"
                + "\"minimum_should_match\":1}}");
        assertThat(dsl("(a : 1 OR b : 2) AND c : 3")).startsWith("{\"bool\":{\"filter\":[{\"bool\":{\"should\"");
    }

    @Test
    void aValueListAppliesItsFieldToEveryValue() {
        assertThat(dsl("signals : (\"target\" or \"funding\")")).isEqualTo("{\"bool\":{\"should\":["
                + "{\"match_phrase\":{\"signals\":\"target\"}},{\"match_phrase\":{\"signals\":\"funding\"}}],\"minimum_should_match\":1}}");
    }

    @Test
    void aQuotedAndStaysPartOfItsPhraseAndABareTermSearchesEveryField() {
        assertThat(dsl("title : \"research and innovation\"")).isEqualTo("{\"match_phrase\":{\"title\":\"research and innovation\"}}");
        assertThat(dsl("\"smart city\"")).isEqualTo("{\"multi_match\":{\"query\":\"smart city\",\"lenient\":true,\"type\":\"phrase\"}}");
        assertThat(dsl("huawei")).isEqualTo("{\"multi_match\":{\"query\":\"huawei\",\"lenient\":true}}");
    }

    @Test
    void malformedQueriesAreRefusedSayingWhere() {
        assertThatThrownBy(() -> Kql.toQuery("topics : (\"5g\" or")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> Kql.toQuery("topics : \"5g")).hasMessageContaining("unterminated quoted phrase at 9");
        assertThatThrownBy(() -> Kql.toQuery("a : 1 )")).hasMessageContaining("unexpected ')' at 6");
        assertThatThrownBy(() -> Kql.toQuery("items:{ id : 1 }")).hasMessageContaining("nested field");
    }

    @Test
    void fieldsAreTheWordsBeforeAColonOrComparisonOutsidePhrases() {
        assertThat(Kql.fields("source.region : \"CN\" or x:\"a: b\"")).containsExactly("source.region", "x");
        assertThat(Kql.fields("consecutive_failures > 0 and not changed:true")).containsExactly("consecutive_failures", "changed");
        assertThat(Kql.fields("huawei AND \"smart city\"")).isEmpty();
    }
}
