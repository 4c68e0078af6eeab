package org.policyradar.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.policyradar.change.IgnoreRules;
import org.policyradar.yaml.YamlMap;

/** The {@code changes} (ignore rules of plan adjustments) and {@code digest} keys of alerts.yaml. */
final class DigestKeys {
    private static final Set<String> CHANGES_KEYS = Set.of("ignore", "sources");
    private static final Set<String> DIGEST_KEYS = Set.of("every", "at", "zone", "recipients", "top_items");
    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    private DigestKeys() {
    }

    static IgnoreRules changes(YamlMap root) {
        Optional<YamlMap> node = root.map("changes", CHANGES_KEYS);
        if (node.isEmpty()) {
            return IgnoreRules.NONE;
        }
        List<Pattern> all = regexes(node.get(), "ignore");
        Map<String, List<Pattern>> bySource = new LinkedHashMap<>();
        Optional<YamlMap> sources = node.get().map("sources", "must be a map of source id to {ignore: [regex, ...]}");
        for (String id : sources.map(YamlMap::keys).orElse(List.of())) {
            String shape = "must be a map with key 'ignore' (a list of regexes)";
            YamlMap rules = sources.get().map(id, shape).orElseThrow(() -> sources.get().problem(id, shape))
                    .checkKeys(Set.of("ignore"));
            bySource.put(id, regexes(rules, "ignore"));
        }
        return new IgnoreRules(all, bySource);
    }

    private static List<Pattern> regexes(YamlMap node, String key) {
        JsonNode list = node.get(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        String at = "key '" + node.key(key) + "'";
        if (!list.isArray()) {
            throw node.problem(at + " must be a list of regular expressions, e.g. ['Visits: \\d+']");
        }
        List<Pattern> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : list) {
            i++;
            if (!e.isTextual() || e.asText().isBlank()) {
                throw node.problem(at + " entry #" + i + " must be a non-empty string (a regular expression)");
            }
            try {
                out.add(Pattern.compile(e.asText()));
            } catch (PatternSyntaxException x) {
                throw node.problem(at + " entry #" + i + ": '" + e.asText() + "' is not a valid regular expression ("
                        + x.getDescription() + " near index " + x.getIndex() + "); fix it, quoting it in single quotes");
            }
        }
        return out;
    }

    static Optional<AlertsConfig.Digest> digest(YamlMap root, List<AlertsConfig.Channel> channels) {
        Optional<YamlMap> found = root.map("digest", "must be a map with 'every' (e.g. 24h) or 'at' (e.g. \"07:00\") "
                + "and optional zone, recipients, top_items");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YamlMap node = found.get().checkKeys(DIGEST_KEYS);
        if (node.has("every") == node.has("at")) {
            throw root.problem("digest", "give exactly one of 'every' (e.g. 24h) or 'at' (e.g. \"07:00\")");
        }
        Optional<Duration> every = node.has("every")
                ? Optional.of(node.duration("every", Duration.ZERO, Duration.ofMinutes(1), Duration.ofDays(7), "from 1m to 7d, e.g. 24h"))
                : Optional.empty();
        Optional<LocalTime> at = Optional.empty();
        if (every.isEmpty()) {
            JsonNode value = node.get("at");
            Matcher m = CLOCK.matcher(value.asText().trim());
            if (!value.isTextual() || !m.matches()) {
                throw node.problem("at", "'" + value.asText() + "' is not a time of day; use HH:MM in quotes, e.g. \"07:00\"");
            }
            at = Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        ZoneId zone = ZoneOffset.UTC;
        if (node.has("zone")) {
            if (every.isPresent()) {
                throw node.problem("zone", "applies only with 'at'; remove it or use at: \"07:00\"");
            }
            try {
                zone = ZoneId.of(node.get("zone").asText());
            } catch (DateTimeException e) {
                throw node.problem("zone", "'" + node.get("zone").asText() + "' is not a time zone; use a region id such as "
                        + "Europe/Berlin or Asia/Shanghai");
            }
        }
        List<String> recipients = node.strings("recipients");
        Set<String> known = new TreeSet<>();
        channels.forEach(c -> known.add(c.id()));
        for (String r : recipients) {
            if (!known.contains(r)) {
                throw node.problem("recipients", "'" + r + "' is not a channel id; use one of " + known
                        + " or leave the key out for every channel");
            }
        }
        int top = node.wholeNumber("top_items", 1, 50, 10);
        return Optional.of(new AlertsConfig.Digest(every, at, zone, recipients, top));
    }
}
