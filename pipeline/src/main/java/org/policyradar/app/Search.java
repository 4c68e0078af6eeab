package org.policyradar.app;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.index.ItemSearch;
import org.policyradar.search.QueryExpander;

/**
 * {@code radar search}: the text expanded across languages by the taxonomy's names (unless exact), analysed as
 * indexed text is (CoreNLP tokens, Chinese segments), then searched newest first.
 */
public final class Search {
    /** What narrows the search besides the text. */
    public record Filters(Optional<String> topic, Optional<String> signal, Optional<String> source, Optional<Instant> since,
                          int limit) {
    }

    /** What the text became, and the hits. */
    public record Result(QueryExpander.Expansion expansion, List<ItemSearch.SearchHit> hits) {
    }

    private final Supplier<ItemClassifier> analyser;
    private final QueryExpander expander;
    private final ItemSearch items;

    /** {@code analyser} is loaded only for a non-empty text. */
    Search(Supplier<ItemClassifier> analyser, QueryExpander expander, ItemSearch items) {
        this.analyser = analyser;
        this.expander = expander;
        this.items = items;
    }

    public Result find(String text, boolean exact, Filters filters) throws IOException {
        String analysed = text.isEmpty() ? "" : analyser.get().analyze(text, null);
        QueryExpander.Expansion expansion = (exact ? QueryExpander.none() : expander).expand(text);
        List<ItemSearch.SearchHit> hits = items.search(new ItemSearch.SearchQuery(expansion.query(), analysed, filters.topic(),
                filters.signal(), filters.source(), filters.since(), filters.limit()));
        return new Result(expansion, hits);
    }
}
