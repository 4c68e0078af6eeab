package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Searches items: the user's text (query-string syntax) over the standard-analysed fields, or the same text as
 * analysed by the classifier (Chinese segmented) over the whitespace-token fields; optional topic and time filters;
 * newest first.
 */
public final class ItemSearch {

    /** What to look for. {@code text} may be blank (everything); {@code analyzedText} is the classifier's analysis of it. */
    public record SearchQuery(String text, String analyzedText, Optional<String> topic, Optional<String> source,
                              Optional<Instant> since, int limit) {
    }

    /** One hit, as printed by {@code radar search}. */
    public record SearchHit(String id, String published, String source, List<String> topics, String title, String url,
                            double score) {
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
        q.source().ifPresent(s -> filters.add(Query.of(f -> f.term(term -> term.field("source.id").value(s)))));
        q.since().ifPresent(s -> filters.add(Query.of(f -> f.range(r -> r.date(d -> d.field("published").gte(s.toString()))))));
        UnaryOperator<co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder> text = b -> {
            if (q.text() == null || q.text().isBlank()) {
                return b.must(m -> m.matchAll(a -> a));
            }
            b.should(s -> s.queryString(qs -> qs.query(q.text()).fields("title^2", "summary", "text")
                    .defaultOperator(Operator.And)));
            if (q.analyzedText() != null && !q.analyzedText().isBlank()) {
                b.should(s -> s.multiMatch(mm -> mm.query(q.analyzedText()).fields("title_tokens^2", "body_tokens")
                        .operator(Operator.And)));
            }
            return b.minimumShouldMatch("1");
        };
        SearchResponse<JsonNode> response = client.search(s -> s.index(alias).size(q.limit())
                .query(qq -> qq.bool(b -> text.apply(b).filter(filters)))
                .sort(so -> so.field(f -> f.field("published").order(SortOrder.Desc)))
                .source(src -> src.filter(f -> f.includes("title", "url", "published", "source.id", "topics"))), JsonNode.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<JsonNode> h : response.hits().hits()) {
            JsonNode d = h.source();
            List<String> topics = new ArrayList<>();
            d.path("topics").forEach(t -> topics.add(t.asText()));
            hits.add(new SearchHit(h.id(), d.path("published").asText(null), d.path("source").path("id").asText(null),
                    topics, d.path("title").asText(null), d.path("url").asText(null), h.score() == null ? 0 : h.score()));
        }
        return hits;
    }

    /** Number of documents under the alias (after a refresh). */
    public long count() throws IOException {
        return client.count(c -> c.index(alias)).count();
    }
}
