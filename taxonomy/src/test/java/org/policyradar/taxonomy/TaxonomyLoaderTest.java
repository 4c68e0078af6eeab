package org.policyradar.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyLoaderTest {

    /** The six required topics, each with one term; {@code extraTopics} and {@code rest} are appended. */
    static String minimal(String extraTopics, String rest) {
        StringBuilder sb = new StringBuilder("version: test\ntopics:\n");
        for (String id : Taxonomy.EVALUATED_TOPICS) {
            sb.append("  - id: ").append(id).append("\n")
              .append("    label: {en: ").append(id).append(", zh: 主题}\n")
              .append("    definition: the ").append(id).append(" topic\n")
              .append("    terms: [{en: [").append(id).append(" term]}]\n");
        }
        return sb.append(extraTopics).append(rest).toString();
    }

    static Taxonomy parse(String yaml) throws IOException {
        return TaxonomyLoader.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void defaultTaxonomyLoadsWithTheSixTopicsExtraThemesEntitiesAndSignals() {
        Taxonomy t = TaxonomyLoader.loadDefault();
        assertThat(t.topics()).extracting(Topic::id).containsAll(Taxonomy.EVALUATED_TOPICS)
                .contains("semiconductors", "iot-smart-cities", "standardisation", "digital-silk-road", "data-governance");
        assertThat(t.topic("generative-ai")).get().extracting(Topic::parent).isEqualTo("ai");
        assertThat(t.entity("cac")).get().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("organisation");
            assertThat(e.aliases()).anySatisfy(g -> assertThat(g.zh()).contains("国家网信办"));
            assertThat(e.topics()).containsEntry("cyber", 1.0);
        });
        assertThat(t.entity("pipl")).get().extracting(Entity::kind).isEqualTo("instrument");
        assertThat(t.signals()).extracting(SignalType::id).contains("self-reliance", "foreign-dependency", "ban-backlash", "funding", "target", "standard-setting");
        assertThat(t.topics()).allSatisfy(topic -> {
            assertThat(topic.label().en()).isNotBlank();
            assertThat(topic.label().zh()).isNotBlank();
        });
    }

    @Test
    void everyEvaluatedTopicHasEnglishAndChineseTermsAndNegativesWhereTheGuidelinesNameTraps() {
        Taxonomy t = TaxonomyLoader.loadDefault();
        for (String id : Taxonomy.EVALUATED_TOPICS) {
            Topic topic = t.topic(id).orElseThrow();
            assertThat(topic.terms()).as(id).anySatisfy(g -> assertThat(g.en()).isNotEmpty());
            assertThat(topic.terms()).as(id).anySatisfy(g -> assertThat(g.zh()).isNotEmpty());
        }
        assertThat(t.topic("quantum").orElseThrow().negatives()).isNotEmpty();
        assertThat(t.topic("social-credit").orElseThrow().negatives()).anySatisfy(g -> assertThat(g.en()).contains("credit card*"));
    }

    @Test
    void loadsAnEditedCopyFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-taxonomy.yaml");
        Files.writeString(file, minimal("", ""));
        Taxonomy t = TaxonomyLoader.load(file);
        assertThat(t.source()).isEqualTo(file.toString());
        assertThat(t.topics()).hasSize(6);
        assertThat(t.topics().getFirst().terms().getFirst().weight()).isEqualTo(1.0);
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> TaxonomyLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("nope.yaml").hasMessageContaining("no such file");
    }

    @Test
    void duplicateTopicIdIsRejectedWithFileIdKeyAndFix() {
        String extra = "  - {id: ai, label: {en: AI again, zh: 再}, definition: dup, terms: [{en: [x]}]}\n";
        assertThatThrownBy(() -> parse(minimal(extra, "")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("test.yaml: topic 'ai': key 'id' is a duplicate")
                .hasMessageContaining("fix: rename or merge");
    }

    @Test
    void unknownParentAndUnknownReferencesAreRejected() {
        String extra = "  - {id: chatbots, parent: artificial-intelligence, label: {en: Chatbots, zh: 聊天机器人}, definition: d, "
                + "terms: [{en: [chatbot]}], actors: [openai]}\n";
        String entities = "entities:\n  - {id: huawei, kind: organisation, name: Huawei, aliases: [{en: [Huawei]}], topics: {telecoms: 0.5}}\n";
        assertThatThrownBy(() -> parse(minimal(extra, entities)))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("topic 'chatbots': key 'parent' refers to unknown topic 'artificial-intelligence'")
                .hasMessageContaining("topic 'chatbots': key 'actors[0]' refers to unknown entity 'openai'")
                .hasMessageContaining("entity 'huawei': key 'topics.telecoms' refers to unknown topic 'telecoms'")
                .hasMessageStartingWith("3 problem(s)");
    }

    @Test
    void emptyPatternIsRejected() {
        String extra = "  - {id: chips, label: {en: Chips, zh: 芯片}, definition: d, terms: [{w: 0.5, en: [semiconductor, '  '], zh: ['']}]}\n";
        assertThatThrownBy(() -> parse(minimal(extra, "")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("topic 'chips': key 'terms[0].en[1]' is an empty pattern")
                .hasMessageContaining("topic 'chips': key 'terms[0].zh[0]' is an empty pattern")
                .hasMessageContaining("fix: write the term or delete the entry");
    }

    @Test
    void badWeightsAndEmptyGroupsAreRejected() {
        String extra = "  - {id: chips, label: {en: Chips, zh: 芯片}, definition: d, terms: [{w: 7, en: [chip]}, {w: -1, en: [wafer]}, {note: nothing}]}\n";
        assertThatThrownBy(() -> parse(minimal(extra, "")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("key 'terms[0].w' is 7.0; fix: use a weight above 0 up to 5.0")
                .hasMessageContaining("key 'terms[1].w' is -1.0")
                .hasMessageContaining("key 'terms[2]' has no phrases");
    }

    @Test
    void missingEvaluatedTopicAndUnknownKeyAreReported() {
        String noCyber = minimal("", "").replace("  - id: cyber\n", "  - id: cyber-security\n");
        assertThatThrownBy(() -> parse(noCyber)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("topic 'cyber' is missing");
        String typo = minimal("  - {id: chips, label: {en: Chips, zh: 芯片}, definition: d, terms: [{weight: 1, en: [chip]}]}\n", "");
        assertThatThrownBy(() -> parse(typo)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("test.yaml: not a valid taxonomy file at line")
                .hasMessageContaining("weight")
                .hasMessageContaining("taxonomy/README.md");
    }
}
