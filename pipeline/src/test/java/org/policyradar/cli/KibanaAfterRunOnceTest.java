package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.process.elasticsearch.EmbeddedElasticsearch;
import org.policyradar.testing.LocalHttpServer;

/**
 * The shipped Kibana objects (and the saved searches generated from the watches) validated against an Elasticsearch
 * of its own that holds nothing but what one real {@code radar run --once} wrote: every data view, field and Lens
 * layer must fit the mappings the pipeline creates, and the layers must find the pipeline's data.
 */
class KibanaAfterRunOnceTest {
    private static final Path SHIPPED = Path.of("..", "kibana", "policyradar.ndjson");
    private static final List<String> CITIES = List.of("Shenzhen", "Hangzhou", "Chengdu", "Wuhan", "Xi'an", "Nanjing", "Tianjin",
            "Suzhou", "Qingdao", "Dalian", "Xiamen", "Kunming", "Harbin", "Changsha");
    private static final List<String> THINGS = List.of("base stations", "private networks", "spectrum trials");

    record Entry(String title, Instant published) {
    }

    @Test
    void shippedObjectsValidateOnTheDataOfARealRun(@TempDir Path dir) throws Exception {
        Path base = Files.createTempDirectory(Path.of("/tmp"), "radar-kibana-es-");
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(Path.of(System.getProperty("radar.es.distribution")), base,
                Path.of(System.getProperty("java.home")), "256m", 0);
        try (LocalHttpServer server = new LocalHttpServer()) {
            String url = node.start(Duration.ofMinutes(4)).url();
            Instant now = Instant.now();
            // A quiet 28-day history of one 5G item a day, then a busy day on two sources: one spike alert on 5g, and
            // three items on foreign dependency in 5G (none before): one signal spike.
            List<Entry> cn = new ArrayList<>();
            for (int day = 1; day <= 28; day++) {
                cn.add(new Entry("%s opens 5G %s in district %d".formatted(CITIES.get(day % CITIES.size()),
                        THINGS.get(day % THINGS.size()), day), now.minus(Duration.ofDays(day)).minus(Duration.ofHours(3))));
            }
            cn.add(new Entry("Huawei and ZTE expand 5G base stations across Guangdong to cut reliance on foreign suppliers", now.minus(Duration.ofHours(2))));
            cn.add(new Entry("MIIT issues guidance on 5G network supply chain risks", now.minus(Duration.ofHours(3))));
            cn.add(new Entry("China Mobile switches on 5G standalone core in Beijing", now.minus(Duration.ofHours(4))));
            cn.add(new Entry("国务院印发新一代人工智能发展规划", now.minus(Duration.ofHours(5))));
            cn.add(new Entry("PBoC tests blockchain-based digital currency payments", now.minus(Duration.ofHours(6))));
            cn.add(new Entry("Huawei unveils quantum computing cloud platform", now.minus(Duration.ofHours(7))));
            cn.add(new Entry("NDRC expands the social credit system to corporate blacklists", now.minus(Duration.ofHours(8))));
            List<Entry> eu = List.of(
                    new Entry("European Commission proposes the AI Act for trustworthy artificial intelligence", now.minus(Duration.ofHours(2))),
                    new Entry("ENISA warns of cyber security risks in 5G networks", now.minus(Duration.ofHours(3))),
                    new Entry("BEREC reviews 5G spectrum auctions and the dependence on foreign vendors", now.minus(Duration.ofHours(4))),
                    new Entry("Huawei opens a 5G smart city lab in Duisburg", now.minus(Duration.ofHours(5))));
            server.serve("/cn.xml", LocalHttpServer.Resource.ok(feed("cn", cn), "application/rss+xml"));
            server.serve("/plans/index.html", LocalHttpServer.Resource.ok("""
                    <html><body><ul class="list"><li><a href="plan.html">5G development plan</a><span class="date">2026-11-02</span></li>
                    </ul></body></html>""".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
            server.serve("/plans/plan.html", LocalHttpServer.Resource.ok(plan("38"), "text/html; charset=utf-8"));
            server.serve("/eu.xml", LocalHttpServer.Resource.ok(feed("eu", eu), "application/rss+xml"));
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: kb-cn, name: CN wire, region: CN, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: kb-eu, name: EU wire, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: kb-down, name: Down wire, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - id: kb-plans
                        name: Plans (tracked)
                        region: CN
                        language: en
                        kind: html
                        url: "%s"
                        schedule: 1h
                        listing: { item: "ul.list li", link: "a", title: "a", date: "span.date" }
                        follow: true
                        track_changes: true
                    """.formatted(server.uri("/cn.xml"), server.uri("/eu.xml"), server.uri("/gone.xml"), server.uri("/plans/index.html")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                    .formatted(url, dir.resolve("data")));
            Files.writeString(dir.resolve("alerts.yaml"), """
                    watches:
                      - id: huawei-5g
                        query: 'huawei AND 5g'
                      - id: eu-ai
                        query: 'intelligence'
                        regions: [EU]
                    spike:
                      min_count: 5
                      min_sources: 2
                    """);

            CliHarness.Result run = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(run.code()).as("kb-down fails").isEqualTo(3);
            assertThat(run.out()).as(run.err()).contains("alerts: raised=4"); // spike 5g, two watches, signal spike foreign-dependency/5g
            // The tracked plan is revised: a second version and a change alert.
            server.serve("/plans/plan.html", LocalHttpServer.Resource.ok(plan("50"), "text/html; charset=utf-8"));
            CliHarness.Result second = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(second.out()).as(second.err()).contains("alerts: raised=1");

            // The source that failed in the very first round is visible to analysts (it once was not: no index yet).
            CliHarness.Result sources = CliHarness.run("sources", "--json", "--config", dir.toString());
            assertThat(sources.out()).contains("\"kb-down\"").containsPattern("\"kb-down\".*\"failing\"|\"failing\".*\"kb-down\"");

            // Every Lens layer, on items, source health, alerts and page versions, finds the runs' data.
            CliHarness.Result validate = CliHarness.run("kibana", "validate", "--require-data", "--config", dir.toString(),
                    "--file", SHIPPED.toString());
            assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
            assertThat(validate.out()).contains("0 problem(s)", " 0 without data");
            Matcher layer = Pattern.compile("(?m)^data lens \\S+ layer \\S+ on (\\S+):").matcher(validate.out());
            java.util.Set<String> indices = new java.util.HashSet<>();
            int checked = 0;
            while (layer.find()) {
                indices.add(layer.group(1));
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(19);
            assertThat(indices).containsExactlyInAnyOrder("radar-items", "radar-alerts", "radar-sources", "radar-versions");
            assertThat(validate.out()).contains("search search-changed-documents on radar-versions: 1 hit(s)");
            // the revision raised a target: the weaknesses dashboard's plan changes list it by its signal
            assertThat(validate.out()).contains("search search-plan-changes on radar-versions: 1 hit(s)");
            // Each watch's saved search finds exactly the items its alert listed.
            Map<String, Integer> alerted = watchAlertItemCounts(dir);
            assertThat(alerted).containsOnlyKeys("huawei-5g", "eu-ai");
            alerted.forEach((watch, count) -> assertThat(validate.out())
                    .contains("search search-watch-" + watch + " on radar-items: " + count + " hit(s)"));
        } finally {
            node.stop();
        }
    }

    private static byte[] plan(String target) {
        return ("""
                <html><head><title>5G development plan</title></head><body><div class="nav"><a href="/">Home</a></div>
                <div class="article"><h1>5G development plan</h1><p>Last updated: %s</p>
                <p>The ministry will accelerate 5G network construction and promote the sharing of 5G base stations.
                The target: by 2027 there will be %s 5G base stations per 10,000 people, and every prefecture-level city will have
                gigabit networks. Local authorities shall strengthen organisation and report progress every quarter.</p>
                </div><div class="footer">Copyright</div></body></html>""").formatted(Instant.now(), target).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> watchAlertItemCounts(Path dir) throws Exception {
        CliHarness.Result alerts = CliHarness.run("alerts", "--json", "--type", "watch", "--config", dir.toString());
        assertThat(alerts.code()).as(alerts.err()).isZero();
        Map<String, Integer> counts = new HashMap<>();
        for (String line : alerts.out().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode a = new ObjectMapper().readTree(line);
            counts.merge(a.path("watch").asText(), a.path("items").size(), Integer::sum);
        }
        return counts;
    }

    private static byte[] feed(String prefix, List<Entry> entries) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                .append(prefix).append("</title>");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            sb.append("<item><title>").append(e.title()).append("</title><link>http://").append(prefix)
                    .append(".example/").append(i).append("</link><description>").append(e.title())
                    .append(".</description><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(e.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
