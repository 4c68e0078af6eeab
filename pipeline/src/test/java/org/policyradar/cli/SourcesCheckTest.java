package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.LocalHttpServer.Resource;
import org.policyradar.testing.TestElasticsearch;

/**
 * {@code radar sources check} against a real local server, one source per diagnosis: a listing that yields, stale
 * selectors (with the page's candidate blocks), a script-filled page (with the JSON endpoint it names), an AWS WAF
 * challenge (202 + x-amzn-waf-action), a script-only cookie challenge served with 200, a move, a dead page and a
 * "feed" that is an HTML page advertising the real feed. A script challenge is reported as such by a normal poll too.
 */
class SourcesCheckTest {
    private static final String LISTING = """
            <html><body><div class="nav"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务</a></div>
            <ul class="news-list">
              <li><a href="/art/1.html">关于推进5G网络建设的通知</a><span class="date">2026-11-30</span></li>
              <li><a href="/art/2.html">关于加强数据安全管理的意见</a><span class="date">2026-11-28</span></li>
              <li><a href="/art/3.html">人工智能产业发展行动计划</a><span class="date">2026-11-27</span></li>
              <li><a href="/art/4.html">区块链创新应用试点名单公示</a><span class="date">2026-11-20</span></li>
            </ul></body></html>""";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachSourceSaysWhatItYieldsOrWhyNot(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer()) {
            String html = "text/html; charset=utf-8";
            server.serve("/ok/index.html", Resource.ok(utf8(LISTING), html));
            server.serve("/stale/index.html", Resource.ok(utf8(LISTING), html));
            server.serve("/auto/index.html", Resource.ok(utf8(LISTING), html));
            server.serve("/xinhua/tech/", Resource.ok(utf8("""
                    <html><head><script src="/static/js/jquery.min.js"></script></head><body>
                    <div class="header">新华网</div><ul class="wz-list" data="datasource:11c0f8b2"></ul>
                    <script>$(function(){ loadList(); });</script></body></html>"""), html));
            server.serve("/miit/zcwj/", Resource.ok(utf8("""
                    <html><body><div id="list"></div>
                    <script url="/api-gateway/jpaas-publish-server/front/page/build/unit" querydata="{webId:'8d828e408d90447786ddbe128d495e00'}"
                      type="text/javascript" src="/static/unit.js"></script></body></html>"""), html));
            server.serve("/eurlex/oj/", Resource.ok(utf8("<html><body><script>window.gokuProps={}</script></body></html>"), html),
                    Map.of("x-amzn-waf-action", "challenge"));
            server.serve("/eurlex/oj/", new Resource(utf8("<html><body><script>window.gokuProps={}</script></body></html>"), html, null, 202),
                    Map.of("x-amzn-waf-action", "challenge"));
            String cookieChallenge = "<html><head><script>document.cookie='__jsl=8f1a;path=/';location.reload();</script></head>"
                    + "<body></body></html>";
            server.serve("/pbc/index.html", Resource.ok(utf8(cookieChallenge), html));
            server.serve("/old/feed/", new Resource(new byte[0], null, null, 301), Map.of("Location", "/section/tech/feed/"));
            server.serve("/moved/", new Resource(new byte[0], null, null, 301), Map.of("Location", "/new/index.html"));
            server.serve("/new/index.html", Resource.ok(utf8(LISTING), html));
            server.serve("/tech/ds_fd79.json", Resource.ok(utf8("""
                    {"datasource": [{"title": "量子通信网络建成", "publishUrl": "/tech/20261130/q.html", "publishTime": "2026-11-30 09:41:00"},
                                    {"title": "人工智能安全治理框架发布", "publishUrl": "/tech/20261129/a.html", "publishTime": 1795916460000}]}"""),
                    "application/json"));
            server.serve("/rss.xml", Resource.ok(utf8("""
                    <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                    <item><title>Commission opens 5G security review</title><link>http://example.org/5g</link>
                    <pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"""), "application/rss+xml"));
            server.serve("/page.html", Resource.ok(utf8("""
                    <html><head><link rel="alternate" type="application/rss+xml" href="/export_news.xml"></head>
                    <body><p>BEREC news</p></body></html>"""), html));

            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - {id: ok-html, name: OK, region: CN, language: zh, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "ul.news-list li", link: a, title: a, date: span.date}}
                      - {id: stale-html, name: Stale, region: CN, language: zh, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "div.news_box li", link: a, title: a, date: span}}
                      - {id: xinhua-page, name: Xinhua, region: CN, language: zh, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "ul.wz-list li", link: a, title: a}}
                      - {id: miit-page, name: MIIT, region: CN, language: zh, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "ul.list li", link: a, title: a}}
                      - {id: eurlex-oj, name: EUR-Lex, region: EU, language: en, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "table tr", link: a, title: a}}
                      - {id: pbc-page, name: PBoC, region: CN, language: zh, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "font.newslist_style", link: "a[title]", title: "a[title]"}}
                      - {id: euractiv-old, name: Euractiv, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: moved-html, name: Moved, region: CN, language: zh, kind: html, url: "%s", schedule: 1h,
                         listing: {item: "ul.news-list li", link: a, title: a, date: span.date}}
                      - {id: berec-page, name: BEREC, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: gone, name: Gone, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: xinhua-json, name: Xinhua JSON, region: CN, language: zh, kind: json, url: "%s", schedule: 1h,
                         json: {items: "$.datasource[*]", title: title, link: publishUrl, date: publishTime}}
                      - {id: ok-feed, name: Feed, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                      - {id: auto-html, name: Auto, region: CN, language: zh, kind: html, url: "%s", schedule: 1h, listing: auto}
                    """.formatted(server.uri("/ok/index.html"), server.uri("/stale/index.html"), server.uri("/xinhua/tech/"),
                    server.uri("/miit/zcwj/"), server.uri("/eurlex/oj/"), server.uri("/pbc/index.html"), server.uri("/old/feed/"),
                    server.uri("/moved/"), server.uri("/page.html"), server.uri("/gone.xml"),
                    server.uri("/tech/ds_fd79.json"), server.uri("/rss.xml"), server.uri("/auto/index.html")));
            Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\npoliteness: {host_delay: 10ms}\n"
                    .formatted(TestElasticsearch.url(), dir.resolve("data")));

            CliHarness.Result all = CliHarness.run("sources", "check", "--config", dir.toString());
            String out = all.out();
            assertThat(all.code()).as(out + all.err()).isEqualTo(3);
            assertThat(block(out, "ok-html")).contains("OK  HTTP 200  4 entries")
                    .contains("- 2026-11-30  关于推进5G网络建设的通知  " + server.uri("/art/1.html"));
            assertThat(block(out, "stale-html")).contains("SELECTORS-STALE").contains("listing.item 'div.news_box li' matched nothing")
                    .contains("polls read the detected listing meanwhile: 4 entries")
                    .contains("candidate: item=\"ul.news-list > li\" link=\"a\" date=\"span.date\" (4 entries, 4 dated)");
            assertThat(block(out, "xinhua-page")).contains("SCRIPT-FILLED")
                    .contains("endpoint: " + server.uri("/xinhua/tech/ds_11c0f8b2.json"));
            assertThat(block(out, "miit-page")).contains("SCRIPT-FILLED")
                    .contains("endpoint: " + server.uri("/api-gateway/jpaas-publish-server/front/page/build/unit")).contains("querydata");
            assertThat(block(out, "eurlex-oj")).contains("CHALLENGE  HTTP 202").contains("x-amzn-waf-action: challenge");
            assertThat(block(out, "pbc-page")).contains("CHALLENGE  HTTP 200").contains("sets a cookie and reloads");
            assertThat(block(out, "euractiv-old")).contains("DEAD  HTTP 404").contains("redirected: " + server.uri("/old/feed/")
                    + " -> " + server.uri("/section/tech/feed/"));
            assertThat(block(out, "moved-html")).contains("MOVED  HTTP 200  4 entries").contains("set url to " + server.uri("/new/index.html"));
            assertThat(block(out, "berec-page")).contains("NOT-A-FEED").contains("feed: " + server.uri("/export_news.xml"));
            assertThat(block(out, "gone")).contains("DEAD  HTTP 404");
            assertThat(block(out, "xinhua-json")).contains("OK  HTTP 200  2 entries")
                    .contains("- 2026-11-30  量子通信网络建成  " + server.uri("/tech/20261130/q.html"))
                    .contains("- 2026-11-29  人工智能安全治理框架发布  " + server.uri("/tech/20261129/a.html"));
            assertThat(block(out, "ok-feed")).contains("OK  HTTP 200  1 entry  ").contains("- 2026-11-30  Commission opens 5G security review");
            assertThat(block(out, "auto-html")).contains("OK  HTTP 200  4 entries")
                    .contains("detected listing (listing: auto): item=\"ul.news-list > li\" link=\"a\" date=\"span.date\"");
            assertThat(out).contains("5 of 13 source(s) yield entries");

            CliHarness.Result one = CliHarness.run("sources", "check", "ok-html", "moved-html", "--config", dir.toString());
            assertThat(one.code()).as(one.out() + one.err()).isZero();
            assertThat(CliHarness.run("sources", "check", "no-such", "--config", dir.toString()).err()).contains("no source 'no-such'");

            // A normal poll reports the challenge by name, never as a listing with nothing new.
            CliHarness.Result poll = CliHarness.run("run", "--once", "--config", dir.toString());
            assertThat(poll.out()).containsPattern("pbc-page\\s+200\\s+0\\s.*bot challenge: a script-only page")
                    .containsPattern("eurlex-oj\\s+202\\s+0\\s.*bot challenge: HTTP 202 with x-amzn-waf-action: challenge");
        }
    }

    /** The lines of one source's report: from its header line to the next source's. */
    private static String block(String report, String id) {
        String out = "\n" + report;
        int start = out.indexOf("\n" + id + "  ") + 1;
        assertThat(start).as("a report for " + id + " in:\n" + out).isPositive();
        int end = out.indexOf("\n", start);
        while (end >= 0 && end + 1 < out.length() && out.startsWith("  ", end + 1)) {
            end = out.indexOf("\n", end + 1);
        }
        return out.substring(start, end < 0 ? out.length() : end);
    }
}
