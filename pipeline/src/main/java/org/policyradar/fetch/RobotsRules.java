package org.policyradar.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt (RFC 9309) that apply to our product token, parsed by crawler-commons'
 * {@link SimpleRobotRulesParser} (what StormCrawler and Nutch use): the groups naming the token exactly
 * (case-insensitive, as the RFC asks: {@code PolicyRadar} and {@code policyradar/0.1} name us, {@code PolicyRadar-bot}
 * does not), else the {@code *} group; longest match wins, Allow on ties, {@code *} and {@code $}. Our policy around
 * it: only the first 500 KiB are parsed, and a Crawl-delay outside 0–3600 s is ignored (crawler-commons would
 * otherwise disallow the whole site beyond its 5-minute cap).
 */
public record RobotsRules(BaseRobotRules rules, Duration crawlDelay) {
    /** Everything allowed: robots.txt missing (4xx). */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), null);
    /** Nothing allowed: robots.txt unreachable (5xx, network), as RFC 9309 §2.3.1.4 asks. */
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), null);
    /** Only the first 500 KiB are parsed, as the RFC allows. */
    static final int MAX_BYTES = 500 * 1024;
    private static final Duration MAX_CRAWL_DELAY = Duration.ofHours(1);
    /** The rules belong to one origin; only the path and query of this base are matched. */
    private static final String ORIGIN = "http://robots.invalid";

    public Optional<Duration> crawlDelayIfAny() {
        return Optional.ofNullable(crawlDelay);
    }

    /** Whether the path (with query, e.g. {@code /a/b?x=1}) may be fetched. */
    public boolean allowed(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        return rules.isAllowed(ORIGIN + path);
    }

    /** The number of Allow and Disallow rules that apply to us (for the log). */
    public int size() {
        return rules instanceof SimpleRobotRules simple ? simple.getRobotRules().size() : 0;
    }

    /** Parses robots.txt bytes for the product token (case-insensitive, e.g. {@code PolicyRadar}). */
    public static RobotsRules parse(byte[] body, String token) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        parser.setMaxCrawlDelay(Long.MAX_VALUE); // our bound below: a long delay is ignored, not a reason to stop
        BaseRobotRules rules = parser.parseContent(ORIGIN + "/robots.txt", Arrays.copyOf(body, Math.min(body.length, MAX_BYTES)),
                "text/plain", List.of(token.toLowerCase(Locale.ROOT)));
        long delayMs = rules.getCrawlDelay();
        Duration delay = delayMs == BaseRobotRules.UNSET_CRAWL_DELAY || delayMs < 0 || delayMs > MAX_CRAWL_DELAY.toMillis()
                ? null : Duration.ofMillis(delayMs);
        return new RobotsRules(rules, delay);
    }
}
