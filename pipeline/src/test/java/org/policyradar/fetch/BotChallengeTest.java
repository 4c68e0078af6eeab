package org.policyradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What counts as a bot challenge, and what does not: a listing that merely uses scripts, a plain error page. */
class BotChallengeTest {
    private static Function<String, Optional<String>> headers(Map<String, String> h) {
        return name -> Optional.ofNullable(h.get(name));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void challengesAreRecognised() {
        assertThat(BotChallenge.of(202, headers(Map.of("x-amzn-waf-action", "challenge")), new byte[0]))
                .hasValueSatisfying(r -> assertThat(r).contains("x-amzn-waf-action: challenge"));
        assertThat(BotChallenge.of(403, headers(Map.of()), utf8("<html><title>Just a moment...</title><script src=/cdn-cgi/challenge-platform/x.js></script></html>")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("HTTP 403 with a challenge page"));
        assertThat(BotChallenge.inPage(utf8("<html><head><script>var x='a';document.cookie='k='+x;window.location.href=location.href;</script></head><body></body></html>")))
                .hasValueSatisfying(r -> assertThat(r).contains("sets a cookie and reloads"));
        assertThat(BotChallenge.inPage(utf8("<html><head><meta content=\"x\"><script>$_ts=window['$_ts'];</script><script src=\"/a.js\"></script></head></html>")))
                .hasValueSatisfying(r -> assertThat(r).contains("$_ts"));
    }

    @Test
    void ordinaryPagesAndErrorsAreNot() {
        assertThat(BotChallenge.of(404, headers(Map.of()), utf8("not found"))).isEmpty();
        assertThat(BotChallenge.of(503, headers(Map.of()), utf8("<html><body>Service Unavailable</body></html>"))).isEmpty();
        String listing = "<html><head><script>document.cookie='lang=zh';location.reload();</script></head><body><ul>"
                + "<li><a href=\"/a\">关于推进5G网络建设的通知，各省、自治区、直辖市工业和信息化主管部门要加强组织领导</a></li>".repeat(5)
                + "</ul></body></html>";
        assertThat(BotChallenge.inPage(utf8(listing))).as("a page with content of its own").isEmpty();
        assertThat(BotChallenge.inPage(utf8("<?xml version=\"1.0\"?><rss><channel><title>t</title></channel></rss>"))).isEmpty();
    }
}
