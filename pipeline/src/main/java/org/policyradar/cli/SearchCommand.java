package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.Search;
import org.policyradar.app.UserException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyradar.index.ItemSearch;
import org.policyradar.search.QueryExpander;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code radar search TEXT}: newest matching items first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search indexed items (query-string syntax: AND, OR, \"phrases\"); prints date, source, topics, title, url, newest first.",
                "A term naming a taxonomy theme, actor or topic (semiconductor, 芯片, Halbleiter, Huawei) also finds its names in every other language; --exact turns that off."})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "What to look for; nothing lists the newest items.")
    List<String> text = List.of();

    @Option(names = "--topic", paramLabel = "ID", description = "Only items with this taxonomy topic, e.g. 5g, ai, cyber.")
    String topic;

    @Option(names = "--signal", paramLabel = "ID", description = "Only items carrying this signal, e.g. self-reliance, foreign-dependency, ban-backlash, funding, target, standard-setting (or money, percent, year).")
    String signal;

    @Option(names = "--exact", description = "Search the words as written: no expansion to other languages.")
    boolean exact;

    @Option(names = "--source", paramLabel = "ID", description = "Only items of this source id.")
    String source;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only items published in the last DURATION, e.g. 24h, 7d.")
    String since;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many items (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 10_000) {
            throw new UserException("--limit: must be from 1 to 10000");
        }
        String query = String.join(" ", text).strip();
        try (Radar radar = options.open()) {
            Optional<Instant> from = Optional.ofNullable(since)
                    .map(s -> radar.clock().instant().minus(Durations.parse("--since", s)));
            Search.Result found = radar.search().find(query, exact, new Search.Filters(Optional.ofNullable(topic),
                    Optional.ofNullable(signal), Optional.ofNullable(source), from, limit));
            QueryExpander.Expansion expansion = found.expansion();
            List<ItemSearch.SearchHit> hits = found.hits();
            PrintWriter out = options.out();
            ObjectMapper mapper = new ObjectMapper();
            if (json) {
                // first line: what the query became, so a script (or an analyst) sees why a Chinese item matched
                out.println(mapper.writeValueAsString(Map.of("query", query, "expanded_query", expansion.query(),
                        "expansions", expansion.used())));
            } else {
                for (QueryExpander.Used u : expansion.used()) {
                    out.printf("expanded: %s -> %s (%s '%s')%n", u.term(), String.join(" OR ", u.alternatives()), u.kind(), u.concept());
                }
            }
            for (ItemSearch.SearchHit h : hits) {
                if (json) {
                    out.println(mapper.writeValueAsString(h));
                } else {
                    out.printf("%-20s  %-20s  %-24s  %s  %s%n", h.published() == null ? "-" : h.published().substring(0, Math.min(19, h.published().length())),
                            h.source(), String.join(",", h.topics()), h.title(), h.url());
                    if (h.gloss() != null) {
                        out.printf("%22s%s%n", "", "gloss: " + h.gloss());
                    }
                }
            }
            if (!json) {
                out.printf("%d item(s)%n", hits.size());
            }
            out.flush();
            return 0;
        }
    }
}
