package org.policyradar.fetch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt (RFC 9309) that apply to one user-agent token: the group naming the token (all groups
 * that do, merged), else the {@code *} group, else nothing. {@link #allowed} applies the longest matching rule, Allow
 * winning ties; {@code *} and a trailing {@code $} are supported. Crawl-delay, not in the RFC but common, is kept.
 */
public record RobotsRules(List<Rule> rules, Duration crawlDelay) {
    /** Everything allowed: robots.txt missing (4xx). */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null);
    /** Nothing allowed: robots.txt unreachable (5xx, network), as RFC 9309 §2.3.1.4 asks. */
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule("/", false)), null);
    /** Only the first 500 KiB are parsed, as the RFC allows. */
    static final int MAX_BYTES = 500 * 1024;

    public RobotsRules {
        rules = List.copyOf(rules);
    }

    /** One Allow or Disallow line. */
    public record Rule(String pattern, boolean allow) {
        /**
         * Prefix match with '*' for any run of characters and a final '$' anchoring the end. Iterative glob matching
         * (backtrack to the last '*' only), so a hostile pattern cannot make it exponential.
         */
        boolean matches(String path) {
            boolean anchored = pattern.endsWith("$");
            String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
            int pi = 0;
            int si = 0;
            int starAt = -1;
            int starPath = 0;
            while (true) {
                if (si == p.length() && (!anchored || pi == path.length())) {
                    return true;
                }
                if (si < p.length() && p.charAt(si) == '*') {
                    starAt = si++;
                    starPath = pi;
                } else if (si < p.length() && pi < path.length() && p.charAt(si) == path.charAt(pi)) {
                    si++;
                    pi++;
                } else if (starAt >= 0 && starPath < path.length()) {
                    si = starAt + 1;
                    pi = ++starPath;
                } else {
                    return false;
                }
            }
        }
    }

    public Optional<Duration> crawlDelayIfAny() {
        return Optional.ofNullable(crawlDelay);
    }

    /** Whether the path (with query, e.g. {@code /a/b?x=1}) may be fetched. */
    public boolean allowed(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        if (path.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern().isEmpty() || !rule.matches(path)) {
                continue;
            }
            if (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow() && !best.allow()) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** Parses robots.txt bytes for the product token (case-insensitive, e.g. {@code PolicyRadar}). */
    public static RobotsRules parse(byte[] body, String token) {
        String text = new String(body, 0, Math.min(body.length, MAX_BYTES), StandardCharsets.UTF_8);
        String me = token.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        Duration myDelay = null;
        Duration starDelay = null;
        boolean mineFound = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        for (String rawLine : text.split("\\r\\n|\\r|\\n")) {
            String line = rawLine;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
                continue;
            }
            if (!key.equals("allow") && !key.equals("disallow") && !key.equals("crawl-delay")) {
                continue; // sitemap and unknown lines do not end a group
            }
            inRules = true;
            boolean forMe = agents.stream().anyMatch(a -> !a.equals("*") && matchesToken(a, me));
            boolean forStar = agents.contains("*");
            mineFound |= forMe;
            if (key.equals("crawl-delay")) {
                Duration delay = parseDelay(value);
                if (forMe) {
                    myDelay = delay;
                }
                if (forStar) {
                    starDelay = delay;
                }
                continue;
            }
            Rule rule = new Rule(normalise(value), key.equals("allow"));
            if (forMe) {
                mine.add(rule);
            }
            if (forStar) {
                star.add(rule);
            }
        }
        return mineFound ? new RobotsRules(mine, myDelay) : new RobotsRules(star, starDelay);
    }

    /** "policyradar", "policyradar/0.1" and "PolicyRadar-bot" name us; "radar" does not. */
    private static boolean matchesToken(String agent, String me) {
        String product = agent.split("[/\\s]", 2)[0];
        return product.equals(me) || product.startsWith(me + "-") || product.startsWith(me + "_");
    }

    private static Duration parseDelay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || seconds > 3600) {
                return null;
            }
            return Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Non-ASCII in rules is percent-encoded, as it is in the URIs the rules are matched against. */
    private static String normalise(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (byte b : pattern.getBytes(StandardCharsets.UTF_8)) {
            if (b < 0) {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            } else {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }
}
