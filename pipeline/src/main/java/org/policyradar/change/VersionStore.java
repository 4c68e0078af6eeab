package org.policyradar.change;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.policyradar.index.IndexSetup;

/** The {@code radar-versions} index: versions of tracked pages, written create-only (one document per version). */
public final class VersionStore {
    public static final IndexSetup.IndexDefinition VERSIONS =
            new IndexSetup.IndexDefinition("radar-versions", "/elasticsearch/radar-versions-template.json");

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public VersionStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** Template and alias, before the first write (a write to a missing alias would create an unmapped index). */
    public void ensure() {
        if (!ready) {
            synchronized (this) {
                if (!ready) {
                    new IndexSetup(client).ensure(List.of(VERSIONS));
                    ready = true;
                }
            }
        }
    }

    /** The newest stored version of a page. */
    public Optional<PageVersion> latest(String itemId) {
        ensure();
        try {
            var r = client.search(s -> s.index(VERSIONS.alias()).size(1)
                    .query(q -> q.term(t -> t.field("item_id").value(itemId)))
                    .sort(o -> o.field(f -> f.field("version").order(SortOrder.Desc))), PageVersion.class);
            return r.hits().hits().stream().map(Hit::source).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("radar-versions: cannot read the latest version of " + itemId, e);
        }
    }

    /**
     * Stores a version unless it exists, searchable at once ({@code refresh=true}: versions are few, one per first
     * fetch or edit, and the next comparison must see this one; {@code wait_for} would block up to a refresh
     * interval per page). @return true when it was stored now
     */
    public boolean create(PageVersion v) {
        ensure();
        try {
            client.create(c -> c.index(VERSIONS.alias()).id(v.id()).document(v).refresh(Refresh.True));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("radar-versions: cannot store " + v.id(), e);
        }
    }

    /** Versions that are edits (not first versions), fetched in [since, until], oldest first. */
    public List<PageVersion> changedBetween(Instant since, Instant until, int max) {
        ensure();
        try {
            var r = client.search(s -> s.index(VERSIONS.alias()).size(max)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("changed").value(true)))
                            .filter(f -> f.range(x -> x.untyped(d -> d.field("fetched").gte(JsonData.of(since.toString()))
                                    .lte(JsonData.of(until.toString())))))))
                    .sort(o -> o.field(f -> f.field("fetched").order(SortOrder.Asc))), PageVersion.class);
            return r.hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("radar-versions: search failed", e);
        }
    }
}
