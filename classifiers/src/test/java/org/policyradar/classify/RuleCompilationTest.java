package org.policyradar.classify;

import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.Taxonomy;
import org.policyradar.taxonomy.TaxonomyException;
import org.policyradar.taxonomy.TaxonomyLoader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Patterns are compiled when the classifier is built; bad ones fail with the taxonomy's message style. */
class RuleCompilationTest {

    private static Taxonomy taxonomy(String extraTermGroup) throws IOException {
        StringBuilder sb = new StringBuilder("version: test\ntopics:\n");
        for (String id : Taxonomy.EVALUATED_TOPICS) {
            sb.append("  - id: ").append(id).append("\n    label: {en: ").append(id).append(", zh: 主题}\n")
              .append("    definition: d\n    terms:\n      - {en: [").append(id).append(" term], zh: [").append(id).append("词]}\n");
            if (id.equals("social-credit")) sb.append(extraTermGroup);
        }
        return TaxonomyLoader.parse("edited.yaml", new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tokensRegexThatDoesNotCompileIsRejectedNamingTopicAndKey() throws IOException {
        Taxonomy bad = taxonomy("      - {w: 1.0, tokensregex: ['( /social/ /-/? /credit/']}\n");
        assertThatThrownBy(() -> new TaxonomyClassifier(bad, SharedClassifier.analysers()))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("edited.yaml: topic 'social-credit': key 'terms[1].tokensregex[0]' does not compile as TokensRegex")
                .hasMessageContaining("fix:");
    }

    @Test
    void phraseWithoutLettersIsRejected() throws IOException {
        Taxonomy bad = taxonomy("      - {w: 1.0, en: ['- *']}\n");
        assertThatThrownBy(() -> new TaxonomyClassifier(bad, SharedClassifier.analysers()))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("topic 'social-credit': key 'terms[1].en[0]'")
                .hasMessageContaining("no letters or digits");
    }

    @Test
    void validTokensRegexIsUsedForMatching() throws IOException {
        Taxonomy ok = taxonomy("      - {w: 1.0, tokensregex: ['( /(?i)social/ /-/? /(?i)credit/ /(?i)scores?/ )']}\n");
        TaxonomyClassifier c = new TaxonomyClassifier(ok, SharedClassifier.analysers());
        Classification result = c.classify(new TextItem("r", "Pilot city tests social-credit scores for residents", null, null, "en"));
        assertThat(result.topics()).containsExactly("social-credit");
        assertThat(result.evidence().get("social-credit").getFirst().term()).isEqualTo("social-credit scores");
    }
}
