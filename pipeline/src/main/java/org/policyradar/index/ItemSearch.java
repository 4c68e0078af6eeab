package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Searches items: the user's text (query-string syntax, possibly expanded across languages by
 * {@link org.policyradar.search.QueryExpander}) over the standard-analysed and the whitespace-token fields, or the
 * user's own text as analysed by the classifier (Chinese segmented) over the whitespace-token fields; optional topic,
 * signal, source and time filters; newest first.
 */
public final class ItemSearch {

    /**
     * What to look for. {@code text} may be blank (everything); {@code analyzedText} is the classifier's analysis of the
     * user's own words.
     */
    public record SearchQuery(String text, String analyzedText, Optional<String> topic, Optional<String> signal,
                              Optional<String> source, Optional<Instant> since, int limit) {
        public SearchQuery(String text, String analyzedText, Optional<String> topic, Optional<String> source,
                           Optional<Instant> since, int limit) {
            this(text, analyzedText, topic, Optional.empty(), source, since, limit);
        }
    }

    /** One hit, as printed by {@code radar search}; {@code gloss} only for Chinese items. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchHit(String id, String published, String source, String lang, List<String> topics,
                            List<String> signals, List<String> figures, String title, String gloss, String url, double score) {
    }

    private final ElasticsearchClient client;
    private final String alias;

    public ItemSearch(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public List<SearchHit> search(SearchQuery q) throws IOException {
        List<Query> filters = new ArrayList<>();
        q.topic().ifPresent(t -> filters.add(Query.of(f -> f.term(term -> term.field("topics").value(t)))));
        q.signal().ifPresent(s -> filters.add(Query.of(f -> f.term(term -> term.field("signals").value(s)))));
        q.source().ifPresent(s -> filters.add(Query.of(f -> f.term(term -> term.field("source.id").value(s)))));
        q.since().ifPresent(s -> filters.add(Query.of(f -> f.range(r -> r.date(d -> d.field("published").gte(s.toString()))))));
        UnaryOperator<co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder> text = b -> {
            if (q.text() == null || q.text().isBlank()) {
                return b.must(m -> m.matchAll(a -> a));
            }
            b.should(s -> s.queryString(qs -> qs.query(q.text()).fields("title^2", "summary", "text", "title_tokens^2", "body_tokens")
                    .defaultOperator(Operator.And).lenient(true)));
            if (q.analyzedText() != null && !q.analyzedText().isBlank()) {
                b.should(s -> s.multiMatch(mm -> mm.query(q.analyzedText()).fields("title_tokens^2", "body_tokens")
                        .operator(Operator.And)));
            }
            return b.minimumShouldMatch("1");
        };
        SearchResponse<JsonNode> response = client.search(s -> s.index(alias).size(q.limit())
                .query(qq -> qq.bool(b -> text.apply(b).filter(filters)))
                .sort(so -> so.field(f -> f.field("published").order(SortOrder.Desc)))
                .source(src -> src.filter(f -> f.includes("title", "url", "published", "source.id", "topics", "signals", "figures", "lang", "gloss"))), JsonNode.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<JsonNode> h : response.hits().hits()) {
            JsonNode d = h.source();
            hits.add(new SearchHit(h.id(), d.path("published").asText(null), d.path("source").path("id").asText(null),
                    d.path("lang").asText(null), strings(d.path("topics")), strings(d.path("signals")), strings(d.path("figures")), d.path("title").asText(null),
                    d.path("gloss").asText(null), d.path("url").asText(null), h.score() == null ? 0 : h.score()));
        }
        return hits;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }

    /** Number of documents under the alias (after a refresh). */
    public long count() throws IOException {
        return client.count(c -> c.index(alias)).count();
    }
}
