package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.policyradar.alert.Alert;
import org.policyradar.alert.AlertType;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;

/**
 * The documents built with {@link Item#builder()} and {@link Alert#builder()} have the shape the strict index
 * templates declare: every field set gives exactly the template's top-level properties, under their snake_case names,
 * and reads back equal. (The live-mapping proofs are IndexingTest and KibanaValidatorTest.)
 */
class DocumentShapeTest {
    private static final ObjectMapper MAPPER = ElasticsearchConnection.objectMapper();
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    private static Set<String> templateProperties(String template) throws Exception {
        try (InputStream in = DocumentShapeTest.class.getResourceAsStream("/elasticsearch/" + template)) {
            JsonNode root = MAPPER.readTree(in);
            JsonNode mappings = root.has("template") ? root.get("template").get("mappings") : root.get("mappings");
            Set<String> names = new TreeSet<>();
            mappings.get("properties").fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> names = new TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Item everyItemField() {
        return Item.builder().id("id1").url("https://gov.example/a?utm_source=x").canonicalUrl("https://gov.example/a")
                .title("5G plan").summary("summary").text("text").published(T).publishedEstimated(true).fetched(T.plusSeconds(60))
                .lang("en").source(new SourceRef("gov", "Gov", "EU")).topics(List.of("5g")).scores(Map.of("5g", 0.9))
                .evidence(Map.of("5g", List.of("5G"))).evidenceDetail(List.of(new Item.EvidenceDetail("5g", "5G", "term", "title", 0, 2, 1.0)))
                .entities(List.of("huawei")).signals(List.of("target")).titleTokens("5g plan").bodyTokens("summary text")
                .simhash("00ff").simhashBands(List.of("b0")).duplicateOf("id0").contentType("text/html").gloss("5G: 5G")
                .figures(List.of("70%")).build();
    }

    @Test
    void anItemWithEveryFieldSetHasExactlyTheItemTemplatesPropertiesAndReadsBackEqual() throws Exception {
        Item item = everyItemField();
        JsonNode json = MAPPER.valueToTree(item);
        assertThat(keys(json)).isEqualTo(templateProperties("radar-items-template.json"));
        assertThat(json.get("published_estimated").asBoolean()).isTrue();
        assertThat(MAPPER.treeToValue(json, Item.class)).isEqualTo(item);
    }

    @Test
    void fieldsLeftUnsetAreLeftOutOfTheDocumentAndWithMethodsChangeOnlyTheirField() throws Exception {
        Item bare = Item.builder().id("id2").url("https://gov.example/b").build();
        assertThat(keys(MAPPER.valueToTree(bare))).containsExactlyInAnyOrder("id", "url", "published_estimated");
        Item full = everyItemField();
        Item marked = full.withDuplicateOf("other");
        assertThat(marked.duplicateOf()).isEqualTo("other");
        assertThat(marked.toBuilder().duplicateOf(full.duplicateOf()).build()).isEqualTo(full);
    }

    @Test
    void anAlertWithEveryFieldSetUsesTheAlertTemplatesNamesAndItsTypeAsTheStoredKeyword() throws Exception {
        Alert alert = Alert.builder().id("k").type(AlertType.SIGNAL_SPIKE).created(T).dedupKey("k").topic("ai").watch("w")
                .region("CN").title("t").summary("s").windowStart(T).windowEnd(T.plusSeconds(3600)).observed(5.0).expected(1.0)
                .score(4.2).itemsCount(5).items(List.of(new Alert.AlertItem("i", "https://x.example/", "title", T, "src")))
                .kibanaUrl("http://kibana.example").deliveries(List.of(new Alert.Delivery("mail", "a@b", Alert.Delivery.PENDING,
                        0, null, T, null, null))).delivered(false).url("https://x.example/").source(new SourceRef("s", "S", "CN"))
                .diff("[-a-]{+b+}").version(2).signals(List.of("funding")).trend(List.of(new Alert.TrendPoint("ai", T, 3)))
                .build();
        JsonNode json = MAPPER.valueToTree(alert);
        Set<String> expected = new TreeSet<>(templateProperties("radar-alerts-template.json"));
        expected.remove("actor"); // declared by the template for Kibana, set by no alert kind
        assertThat(keys(json)).isEqualTo(expected);
        assertThat(json.get("type").asText()).isEqualTo("signal-spike");
        assertThat(MAPPER.treeToValue(json, Alert.class)).isEqualTo(alert);
    }

    @Test
    void everyAlertTypeIsStoredAsItsKeywordAndAnUnknownOneIsRefusedByName() throws Exception {
        List<String> written = new ArrayList<>();
        for (AlertType t : AlertType.values()) {
            String json = MAPPER.writeValueAsString(Alert.builder().id("k").type(t).build());
            written.add(MAPPER.readTree(json).get("type").asText());
            assertThat(MAPPER.readValue(json, Alert.class).type()).isEqualTo(t);
        }
        assertThat(written).containsExactly("spike", "watch", "change", "digest", "signal-spike", "test");
        assertThat(Alert.TYPES).containsExactly("spike", "watch", "change", "digest", "signal-spike");
        assertThatThrownBy(() -> MAPPER.readValue("{\"id\":\"k\",\"type\":\"surge\"}", Alert.class))
                .hasStackTraceContaining("unknown alert type 'surge'");
    }
}
