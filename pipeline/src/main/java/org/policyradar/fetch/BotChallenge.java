package org.policyradar.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recognises a bot challenge where content was expected: a WAF's challenge header ({@code x-amzn-waf-action:
 * challenge}, {@code cf-mitigated: challenge}), a challenge or CAPTCHA page served with 202/403/429/503, and a page
 * served with 200 that is nothing but a script setting a cookie and reloading (the PBoC answers non-browser clients
 * so). Such a page must be reported as a challenge, never read as an empty listing.
 */
public final class BotChallenge {
    /** Words challenge pages of the common WAFs carry (AWS WAF, Cloudflare, Ruishu/瑞数, generic CAPTCHAs). */
    private static final List<String> MARKERS = List.of("awswafintegration", "gokuprops", "challenge-platform", "cf-chl",
            "cf_chl", "just a moment...", "captcha", "$_ts", "please enable javascript", "enable javascript and cookies",
            "请开启javascript", "请启用javascript", "安全验证");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b[^>]*>(.*?)</script>");
    private static final Pattern TAGS = Pattern.compile("(?is)<script\\b.*?</script>|<style\\b.*?</style>|<[^>]+>");
    private static final Pattern RELOAD = Pattern.compile("(?i)location\\.(reload|replace|href\\s*=)|window\\.location\\s*=");
    /** A challenge page is small; a real listing that merely uses scripts is not. */
    private static final int MAX_CHALLENGE_BYTES = 64 * 1024;

    private BotChallenge() {
    }

    /** Why a response is a challenge, from its headers and (the start of) its body; empty when it is not one. */
    public static Optional<String> of(int status, Function<String, Optional<String>> header, byte[] body) {
        Optional<String> waf = header.apply("x-amzn-waf-action");
        if (waf.isPresent()) {
            return Optional.of("HTTP " + status + " with x-amzn-waf-action: " + waf.get() + " (AWS WAF)");
        }
        Optional<String> cf = header.apply("cf-mitigated");
        if (cf.isPresent()) {
            return Optional.of("HTTP " + status + " with cf-mitigated: " + cf.get() + " (Cloudflare)");
        }
        String text = body == null ? "" : new String(body, 0, Math.min(body.length, MAX_CHALLENGE_BYTES), StandardCharsets.UTF_8);
        String lower = text.toLowerCase(Locale.ROOT);
        if (status != 200) {
            return MARKERS.stream().filter(lower::contains).findFirst()
                    .map(m -> "HTTP " + status + " with a challenge page ('" + m + "')");
        }
        return scriptChallenge(text, lower, body == null ? 0 : body.length);
    }

    /** A 200 page that shows nothing but runs a script which sets a cookie and reloads, or carries a WAF marker. */
    public static Optional<String> inPage(byte[] body) {
        String text = body == null ? "" : new String(body, 0, Math.min(body.length, MAX_CHALLENGE_BYTES), StandardCharsets.UTF_8);
        return scriptChallenge(text, text.toLowerCase(Locale.ROOT), body == null ? 0 : body.length);
    }

    private static Optional<String> scriptChallenge(String text, String lower, int size) {
        if (size > MAX_CHALLENGE_BYTES || !lower.contains("<script")) {
            return Optional.empty();
        }
        String visible = TAGS.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (visible.length() > 200) {
            return Optional.empty();
        }
        StringBuilder scripts = new StringBuilder();
        var m = SCRIPT.matcher(text);
        while (m.find()) {
            scripts.append(m.group(1)).append('\n');
        }
        String js = scripts.toString();
        if (js.contains("document.cookie") && RELOAD.matcher(js).find()) {
            return Optional.of("a script-only page that sets a cookie and reloads (a JavaScript challenge for browsers)");
        }
        return MARKERS.stream().filter(lower::contains).findFirst()
                .map(mk -> "a script-only page with a challenge marker ('" + mk + "')");
    }
}
