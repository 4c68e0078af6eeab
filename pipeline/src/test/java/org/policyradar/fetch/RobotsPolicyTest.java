package org.policyradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.LocalHttpServer;

class RobotsPolicyTest {
    private static final String ROBOTS = """
            # comments and sitemaps do not break groups
            User-agent: *
            Disallow: /private/
            Disallow: /*.pdf$
            Allow: /private/press/
            Crawl-delay: 5

            User-agent: BadBot
            Disallow: /

            User-agent: PolicyRadar
            User-agent: OtherBot
            Sitemap: https://example.org/sitemap.xml
            Disallow: /news/archive
            Allow: /news/archive/2026
            Crawl-delay: 2.5
            """;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RobotsPolicy policy() {
        return new RobotsPolicy(new HttpFetcher(HttpFetcher.Limits.defaults(), CLOCK, HostThrottle.none()), CLOCK);
    }

    @Test
    void ourGroupWinsOverTheStarGroupAndIsFetchedOncePerOrigin() {
        server.on("/robots.txt", ex -> LocalHttpServer.send(ex, 200, ROBOTS.getBytes(StandardCharsets.UTF_8)));
        RobotsPolicy robots = policy();
        assertThat(robots.allowed("src", server.uri("/news/archive/2025/x.html"))).isFalse();
        assertThat(robots.allowed("src", server.uri("/news/archive/2026/x.html"))).isTrue();
        assertThat(robots.allowed("src", server.uri("/news/today.html"))).isTrue();
        // the * group does not apply once a group names us
        assertThat(robots.allowed("src", server.uri("/private/x"))).isTrue();
        assertThat(robots.crawlDelay("src", server.uri("/"))).contains(Duration.ofMillis(2500));
        assertThat(server.count("/robots.txt")).isEqualTo(1);
    }

    @Test
    void theStarGroupAppliesToOtherAgentsWithWildcardsAndAnchors() {
        RobotsRules star = RobotsRules.parse(ROBOTS.getBytes(StandardCharsets.UTF_8), "SomeoneElse");
        assertThat(star.allowed("/private/x")).isFalse();
        assertThat(star.allowed("/private/press/release")).isTrue();
        assertThat(star.allowed("/docs/report.pdf")).isFalse();
        assertThat(star.allowed("/docs/report.pdf?download=1")).isTrue();
        assertThat(star.allowed("/")).isTrue();
        assertThat(star.crawlDelayIfAny()).contains(Duration.ofSeconds(5));
        RobotsRules bad = RobotsRules.parse(ROBOTS.getBytes(StandardCharsets.UTF_8), "BadBot");
        assertThat(bad.allowed("/anything")).isFalse();
        assertThat(bad.allowed("/robots.txt")).isTrue();
    }

    @Test
    void aHostilePatternDoesNotBlowUp() {
        RobotsRules rules = RobotsRules.parse(("User-agent: *\nDisallow: /" + "*a".repeat(40) + "$\n")
                .getBytes(StandardCharsets.UTF_8), "PolicyRadar");
        long start = System.nanoTime();
        assertThat(rules.allowed("/" + "a".repeat(39) + "b".repeat(2000))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    private static RobotsRules resource(String name) throws IOException {
        try (var in = RobotsPolicyTest.class.getResourceAsStream("/robots/" + name + ".txt")) {
            return RobotsRules.parse(in.readAllBytes(), HttpFetcher.ROBOTS_TOKEN);
        }
    }

    /** Seen failing before crawler-commons: our parser read a BOM before "User-agent" as an unknown key and allowed all. */
    @Test
    void aByteOrderMarkDoesNotHideTheFirstGroup() throws IOException {
        RobotsRules rules = resource("bom");
        assertThat(rules.allowed("/news/stories/2821250/")).isFalse();
        assertThat(rules.allowed("/world/")).isTrue();
    }

    /** RFC 9309 §2.2.1: the product token matches exactly, case-insensitive; a version after '/' is not part of it. */
    @Test
    void onlyOurProductTokenNamesUs() throws IOException {
        assertThat(resource("versioned-token").allowed("/news/a.html")).isTrue();
        assertThat(resource("versioned-token").allowed("/admin/x")).isFalse();
        // "PolicyRadar-bot" is another product: the * group (Disallow: /) applies
        assertThat(resource("suffixed-token").allowed("/news/a.html")).isFalse();
    }

    @Test
    void aCrawlDelayBeyondAnHourIsIgnoredNotTakenAsARefusal() throws IOException {
        RobotsRules rules = resource("news-site");
        assertThat(rules.crawlDelayIfAny()).isEmpty();
        assertThat(rules.allowed("/news/china/a.html")).isTrue();
        assertThat(rules.allowed("/api/v1")).isFalse();
        assertThat(rules.allowed("/2023/11/article")).isTrue();
        assertThat(rules.allowed("/2023/11/gallery")).isFalse();
        assertThat(resource("government").crawlDelayIfAny()).contains(Duration.ofSeconds(10));
    }

    @Test
    void nonAsciiRulesMatchThePercentEncodedPathsOfUris() throws IOException {
        RobotsRules rules = resource("government");
        assertThat(rules.allowed("/%E4%B8%AD%E6%96%87%E7%9B%AE%E5%BD%95/a.html")).isFalse();
        assertThat(rules.allowed("/zwgk/zcwj/a.html")).isTrue();
        assertThat(rules.allowed("/zwgk/a.doc")).isFalse();
        assertThat(rules.allowed("/list?keyword=5G")).isFalse();
    }

    @Test
    void onlyTheFirst500KiBAreRead() {
        byte[] big = ("User-agent: *\n" + "Disallow: /zzzz\n".repeat(40_000) + "Disallow: /late\n").getBytes(StandardCharsets.UTF_8);
        RobotsRules rules = RobotsRules.parse(big, HttpFetcher.ROBOTS_TOKEN);
        assertThat(rules.allowed("/zzzz")).isFalse();
        assertThat(rules.allowed("/late")).isTrue();
    }

    @Test
    void missingRobotsAllowsEverything() {
        server.on("/robots.txt", ex -> LocalHttpServer.send(ex, 404, new byte[0]));
        assertThat(policy().allowed("src", server.uri("/anything"))).isTrue();
    }

    @Test
    void unreachableRobotsDisallowsEverythingUntilItsShortTtlEnds() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/robots.txt", ex -> LocalHttpServer.send(ex, calls.incrementAndGet() == 1 ? 503 : 200,
                "User-agent: *\nDisallow: /x\n".getBytes(StandardCharsets.UTF_8)));
        MutableClock clock = new MutableClock(CLOCK.instant());
        RobotsPolicy robots = new RobotsPolicy(new HttpFetcher(HttpFetcher.Limits.defaults(), clock, HostThrottle.none()),
                HttpFetcher.ROBOTS_TOKEN, Duration.ofHours(24), Duration.ofMinutes(30), clock);
        assertThat(robots.allowed("src", server.uri("/page"))).isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(robots.allowed("src", server.uri("/page"))).isFalse();
        clock.advance(Duration.ofMinutes(25));
        assertThat(robots.allowed("src", server.uri("/page"))).isTrue();
        assertThat(robots.allowed("src", server.uri("/x"))).isFalse();
        assertThat(server.count("/robots.txt")).isEqualTo(2);
    }

    @Test
    void theCheckingFetcherRefusesDisallowedPagesAsPermanentFailures() throws Exception {
        server.on("/robots.txt", ex -> LocalHttpServer.send(ex, 200,
                "User-agent: *\nDisallow: /secret\n".getBytes(StandardCharsets.UTF_8)));
        server.on("/", ex -> LocalHttpServer.send(ex, 200, "<html></html>".getBytes(StandardCharsets.UTF_8)));
        HttpFetcher http = new HttpFetcher(HttpFetcher.Limits.defaults(), CLOCK, HostThrottle.none());
        RobotsCheckingFetcher fetcher = new RobotsCheckingFetcher(http, new RobotsPolicy(http, CLOCK));
        assertThat(fetcher.fetch("src", server.uri("/open"), Validators.NONE).status()).isEqualTo(200);
        assertThatThrownBy(() -> fetcher.fetch("src", server.uri("/secret/page"), Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("source=src")
                .hasMessageContaining("disallowed_by_robots_txt")
                .satisfies(e -> assertThat(((FetchException) e).transientFailure()).isFalse());
        assertThat(server.count("/secret/page")).isZero();
    }

    /** An analyst must see that robots.txt did not answer (an outage), not that the site forbids us (a policy). */
    @Test
    void aPageRefusedBecauseRobotsTxtDidNotAnswerSaysSo() {
        server.on("/robots.txt", ex -> LocalHttpServer.send(ex, 503, new byte[0]));
        server.on("/", ex -> LocalHttpServer.send(ex, 200, "<html></html>".getBytes(StandardCharsets.UTF_8)));
        HttpFetcher http = new HttpFetcher(HttpFetcher.Limits.defaults(), CLOCK, HostThrottle.none());
        RobotsCheckingFetcher fetcher = new RobotsCheckingFetcher(http, new RobotsPolicy(http, CLOCK));
        assertThatThrownBy(() -> fetcher.fetch("src", server.uri("/open"), Validators.NONE))
                .isInstanceOf(FetchException.class).hasMessageContaining("source=src")
                .hasMessageContaining("robots_txt_unreachable").hasMessageContaining("503")
                .hasMessageNotContaining("disallowed_by_robots_txt")
                .satisfies(e -> assertThat(((FetchException) e).transientFailure()).as("an outage passes").isTrue());
        assertThat(server.count("/open")).isZero();
    }

    /** A clock tests move forward by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
