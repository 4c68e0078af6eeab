package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radar classify} and {@code radar eval} as a user runs them: no Elasticsearch involved. */
class ClassifyAndEvalCommandTest {
    private static final Path CONFIG = Path.of(System.getProperty("radar.home",
            Path.of("").toAbsolutePath().getParent().toString())).resolve("config");

    @Test
    void classifyLabelsHuaweiBaseStationsAs5gWithEvidenceAndReportsBadLinesByNumber() throws Exception {
        CliHarness.Result r = CliHarness.runWithStdin("""
                {"id":"a","title":"Huawei ships 5G base stations to Duisburg","summary":"The rollout continues."}
                {"id":"b", "title": unquoted}
                {"id":"c","title":"Local football club wins the cup"}
                [1,2]
                """, "classify", "--config", CONFIG.toString());
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode a = new ObjectMapper().readTree(lines[0]);
        assertThat(a.path("id").asText()).isEqualTo("a");
        assertThat(a.path("lang").asText()).isEqualTo("en");
        assertThat(a.path("topics").toString()).contains("\"5g\"");
        assertThat(a.path("scores").path("5g").asDouble()).isGreaterThan(0.5);
        JsonNode ev = a.path("evidence").path("5g").get(0);
        String title = a.path("title").asText();
        assertThat(title.substring(ev.path("begin").asInt(), ev.path("end").asInt())).isEqualTo(ev.path("term").asText());
        JsonNode c = new ObjectMapper().readTree(lines[1]);
        assertThat(c.path("topics").size()).isZero();
        assertThat(r.err()).contains("stdin line 2: invalid JSON").contains("stdin line 4: not a JSON object");
    }

    @Test
    void extractPrintsOneJsonLinePerInputInOrderAndNamesTheOnesThatFail(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("notice.html");
        Files.writeString(page, "<html lang=\"zh-CN\"><head><title>关于推进5G网络建设的通知_工信部</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"content\"><h1>关于推进5G网络建设的通知</h1>"
                + "<p>发布时间：2026-11-02 10:15</p><p>为加快5G网络建设，推动5G基站共建共享，到2027年每万人拥有5G基站数达到38个。</p></div></body></html>");
        CliHarness.Result r = CliHarness.run("extract", page.toString(), dir.resolve("missing.html").toString());
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode ok = new ObjectMapper().readTree(lines[0]);
        assertThat(ok.path("input").asText()).isEqualTo(page.toString());
        assertThat(ok.path("title").asText()).isEqualTo("关于推进5G网络建设的通知");
        assertThat(ok.path("text").asText()).contains("每万人拥有5G基站数达到38个").doesNotContain("首页");
        assertThat(ok.path("published").asText()).isEqualTo("2026-11-02T02:15:00Z");
        assertThat(ok.path("lang").asText()).isEqualTo("zh-cn");
        JsonNode bad = new ObjectMapper().readTree(lines[1]);
        assertThat(bad.path("input").asText()).endsWith("missing.html");
        assertThat(bad.path("error").asText()).contains("missing.html");
    }

    @Test
    void evalPrintsPerTopicFiguresAndFailsBelowTheFloor(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, """
                {"id":"1","title":"Huawei ships 5G base stations to Duisburg","lang":"en","topics":["5g"]}
                {"id":"2","title":"Ransomware attack cripples hospital IT systems","lang":"en","topics":["cyber"]}
                {"id":"3","title":"Local football club wins the cup","lang":"en","topics":[]}
                {"id":"4","title":"量子通信网络建设加快","lang":"zh","topics":["quantum"]}
                """);
        CliHarness.Result ok = CliHarness.run("eval", "--gold", gold.toString(), "--config", CONFIG.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("5g").contains("cyber").contains("quantum").containsIgnoringCase("macro");
        CliHarness.Result floor = CliHarness.run("eval", "--gold", gold.toString(), "--min-macro-f1", "1.01",
                "--config", CONFIG.toString());
        assertThat(floor.code()).isEqualTo(4);
        assertThat(floor.err()).contains("below the floor");
        CliHarness.Result cv = CliHarness.run("eval", "--gold", gold.toString(), "--cv", "2", "--rules-only", "--config", CONFIG.toString());
        assertThat(cv.code()).as(cv.err()).isZero();
        assertThat(cv.out()).contains("Cross-validated: 2 folds grouped by source").contains("rules only").containsIgnoringCase("macro");
        CliHarness.Result tooFew = CliHarness.run("eval", "--gold", gold.toString(), "--cv", "5", "--config", CONFIG.toString());
        assertThat(tooFew.code()).isEqualTo(2);
        assertThat(tooFew.err()).contains("5 folds need at least 5 sources, the items have 4").doesNotContain("Exception");
        Path model = dir.resolve("model.tsv");
        CliHarness.Result train = CliHarness.run("train", "--gold", gold.toString(), "--out", model.toString(), "--config", CONFIG.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("trained on 4 items");
        assertThat(Files.readString(model)).contains("meta\titems\t4").contains("threshold\tquantum\t");
        Path two = dir.resolve("two.jsonl");
        Files.writeString(two, Files.readAllLines(gold).get(0) + "\n" + Files.readAllLines(gold).get(1) + "\n");
        CliHarness.Result cannot = CliHarness.run("train", "--gold", two.toString(), "--out", model.toString(), "--config", CONFIG.toString());
        assertThat(cannot.code()).isEqualTo(2);
        assertThat(cannot.err()).contains("two.jsonl").contains("cannot train").contains("3 folds need at least 3 sources").doesNotContain("Exception");
        CliHarness.Result missing = CliHarness.run("eval", "--gold", dir.resolve("nope.jsonl").toString(), "--config", CONFIG.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl").doesNotContain("Exception");
    }
}
