package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The mail templates on their own: what a source wrote is text, never markup; a new alert kind needs no code. */
class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    private static Alert alert(AlertType type, Alert.AlertItem item) {
        return Alert.builder().id("k").type(type).created(Instant.EPOCH).dedupKey("k").topic("ai").title("Title <b>bold</b>")
                .summary("Because <i>x</i>\nand more").windowStart(Instant.EPOCH).windowEnd(Instant.EPOCH).observed(3.0)
                .itemsCount(3).items(List.of(item)).kibanaUrl("http://kibana.example/app/discover#/?_a=(index:'radar-items')")
                .deliveries(List.of()).delivered(false).build();
    }

    @Test
    void markupAndScriptLinksFromASourceAreShownAsTextNeverRunOrLinked() {
        Alert.AlertItem hostile = new Alert.AlertItem("1", "javascript:alert(1)", "<img src=x onerror=alert(1)> AI plan", Instant.EPOCH,
                "src", "Src <script>alert(2)</script>", "<script>alert(3)</script> the AI", "en", List.of("ai"),
                Map.of("ai", List.of("AI", "<script>")));
        String html = templates.html(MailView.of(alert(AlertType.WATCH, hostile), null));
        Document dom = Jsoup.parse(html);
        assertThat(dom.select("script, img")).isEmpty();
        assertThat(dom.select("a[href^=javascript]")).isEmpty();
        assertThat(dom.select(".item-title").text()).isEqualTo("<img src=x onerror=alert(1)> AI plan");
        assertThat(dom.select(".item .source").text()).isEqualTo("Src <script>alert(2)</script>");
        assertThat(dom.select(".item mark.evidence").eachText()).contains("AI", "<script>");
        assertThat(dom.select("h1.title").text()).isEqualTo("Title <b>bold</b>");
        assertThat(dom.select(".why p").eachText()).containsExactly("Because <i>x</i>", "and more");
    }

    @Test
    void aKindWithoutItsOwnTemplateIsFramedByTheLayoutAndListsItsItems() {
        Alert.AlertItem item = new Alert.AlertItem("1", "https://gov.example/a", "自主可控 plan", Instant.parse("2047-01-02T03:04:00Z"),
                "gov", "State Council", null, "zh", List.of("ai"), Map.of("ai", List.of("自主可控")));
        Document dom = Jsoup.parse(templates.html(MailView.of(alert(AlertType.SIGNAL_SPIKE, item), null)));
        assertThat(dom.select(".kind").text()).isEqualTo("PolicyRadar · Signal spike");
        assertThat(dom.select(".item .source").text()).isEqualTo("State Council");
        assertThat(dom.select(".item .date").text()).isEqualTo("2047-01-02 03:04 UTC");
        assertThat(dom.select(".item mark.evidence").text()).isEqualTo("自主可控");
        assertThat(dom.select("a.kibana").text()).contains("data view radar-items");
        assertThat(dom.select("a.item-link").attr("href")).isEqualTo("https://gov.example/a");
        assertThat(dom.select(".item .gloss")).as("no gloss, no gloss line").isEmpty();
    }

    @Test
    void aChineseItemShowsItsEnglishGloss() {
        Alert.AlertItem item = new Alert.AlertItem("1", "https://gov.example/b", "芯片产业发展规划", Instant.EPOCH,
                "gov", "State Council", null, "zh", List.of("ai"), Map.of("ai", List.of("芯片")),
                "芯片: semiconductors and chips; 华为: Huawei");
        Document dom = Jsoup.parse(templates.html(MailView.of(alert(AlertType.WATCH, item), null)));
        assertThat(dom.select(".item .gloss").text()).isEqualTo("芯片: semiconductors and chips; 华为: Huawei");
    }
}
