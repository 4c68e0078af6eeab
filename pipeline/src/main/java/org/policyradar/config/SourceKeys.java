package org.policyradar.config;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.policyradar.yaml.IdRule;
import org.policyradar.yaml.YamlMap;

/** One entry of {@code sources.yaml}, validated key by key; every problem names the file, the source and the key. */
final class SourceKeys {
    static final IdRule ID = IdRule.of("[a-z0-9][a-z0-9-]{0,63}", "lower-case letters, digits and '-' (at most 64)",
            "miit-policy");
    static final Set<String> KEYS = Set.of("id", "name", "region", "language", "kind", "url", "schedule", "charset",
            "track_changes", "listing", "json", "follow", "allow_hosts", "note", "method", "body", "headers", "user_agent");

    private SourceKeys() {
    }

    static SourceConfig source(YamlMap.Entry entry) {
        String id = entry.id();
        YamlMap node = entry.map().checkKeys(KEYS);
        String name = node.required("name");
        Region region = node.oneOf("region", Region.class, true);
        String language = node.required("language");
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw node.problem("language", "'" + language + "' is not a language tag such as en, zh, zh-Hant, de, fr");
        }
        SourceKind kind = node.oneOf("kind", SourceKind.class, false);
        URI url = node.httpUrl("url", node.required("url"), "https://www.example.org/news/");
        String scheduleText = node.required("schedule");
        Schedule schedule = Schedule.parse(scheduleText).orElseThrow(() -> node.problem("schedule", "'" + scheduleText
                + "' is neither an interval (30s, 15m, 1h, 1d) nor a Quartz cron expression (e.g. '0 0/30 * * * ?')"));
        Optional<String> charset = node.text("charset");
        charset.ifPresent(cs -> checkCharset(node, cs));
        boolean trackChanges = node.bool("track_changes", false);
        boolean follow = node.bool("follow", false);
        boolean auto = node.has("listing") && ListingKeys.isAuto(node.get("listing"));
        Optional<ListingSelectors> listing = node.has("listing") && !auto
                ? Optional.of(ListingKeys.selectors(node, node.get("listing"))) : Optional.empty();
        Optional<JsonListing> json = node.has("json") ? Optional.of(ListingKeys.json(node, node.get("json"))) : Optional.empty();
        if (kind == SourceKind.HTML && listing.isEmpty() && !auto) {
            throw node.problem("listing", "an html source needs CSS selectors, e.g. listing: { item: \"ul.list li\", "
                    + "link: \"a\", title: \"a\", date: \"span.date\" }, or listing: auto");
        }
        if (kind != SourceKind.HTML && (listing.isPresent() || auto)) {
            throw node.problem("listing", "only html sources have a listing; remove it or set kind: html");
        }
        if (kind == SourceKind.JSON && json.isEmpty()) {
            throw node.problem("json", "a json source needs JSONPaths, e.g. "
                    + "json: { items: \"$.datasource[*]\", title: title, link: publishUrl, date: publishTime }");
        }
        if (kind != SourceKind.JSON && json.isPresent()) {
            throw node.problem("json", "only json sources have JSONPaths; remove it or set kind: json");
        }
        if (follow && kind == SourceKind.FEED) {
            throw node.problem("follow", "only html and json listings follow their links; remove it");
        }
        RequestOptions request = ListingKeys.request(node);
        List<String> allowHosts = new ArrayList<>();
        if (node.has("allow_hosts") && !node.get("allow_hosts").isArray()) {
            throw node.problem("allow_hosts", "must be a list of host names");
        }
        node.strings("allow_hosts").forEach(h -> allowHosts.add(h.toLowerCase(Locale.ROOT)));
        return new SourceConfig(id, name, region, language, kind, url, schedule, charset, trackChanges, listing,
                follow, List.copyOf(allowHosts), node.text("note").orElse(""), json, request);
    }

    private static void checkCharset(YamlMap node, String cs) {
        try {
            if (!Charset.isSupported(cs)) {
                throw node.problem("charset", "'" + cs + "' is not a charset this JVM knows; use e.g. UTF-8, GB18030, "
                        + "Big5, windows-1251");
            }
        } catch (IllegalCharsetNameException e) {
            throw node.problem("charset", "'" + cs + "' is not a valid charset name");
        }
    }
}
