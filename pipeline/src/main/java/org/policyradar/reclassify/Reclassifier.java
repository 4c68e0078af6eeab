package org.policyradar.reclassify;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.item.Glossary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs classification over the stored items of a scope, so a taxonomy edit or a retrained model applies to the
 * archive and spike baselines compare like with like. Items are read in {@code id} order over a point in time with
 * {@code search_after}; each page is classified in parallel and written back as partial updates of the
 * classification fields only ({@link PageWriter}), while the next page is being read. After every acknowledged
 * page the state file records the page's last sort values: a killed run resumes after the last page it wrote (the
 * order is by the item's id, not by Lucene doc, so it survives the new point in time a resumed run opens).
 */
public final class Reclassifier {
    private static final Logger LOG = LoggerFactory.getLogger(Reclassifier.class);
    private static final String KEEP_ALIVE = "5m";
    private static final int MAX_FAILURES_LISTED = 20;

    /**
     * @param pageSize       items per search page and bulk request
     * @param threads        classification threads
     * @param limit          stop after this many items (0: none); the next run resumes there
     * @param progressEvery  one progress line per this many items
     * @param restart        ignore an unfinished earlier run of the same scope and start over
     */
    public record Options(int pageSize, int threads, long limit, int progressEvery, boolean restart) {
        public Options {
            if (pageSize < 1 || threads < 1 || limit < 0 || progressEvery < 1) {
                throw new IllegalArgumentException("page size, threads and progress interval must be positive, limit not negative");
            }
        }
    }

    private final ElasticsearchClient client;
    private final ItemClassifier classifier;
    private final Glossary glossary;
    private final ReclassifyStateFile stateFile;
    private final Clock clock;
    private final ObjectMapper json;

    public Reclassifier(ElasticsearchClient client, ItemClassifier classifier, Glossary glossary, ReclassifyStateFile stateFile,
                        Clock clock, ObjectMapper json) {
        this.client = client;
        this.classifier = classifier;
        this.glossary = glossary;
        this.stateFile = stateFile;
        this.clock = clock;
        this.json = json;
    }

    public ReclassifySummary run(ReclassifyScope scope, Options options, Consumer<String> progress) throws IOException {
        long startNanos = System.nanoTime();
        ReclassifyState state = startingState(scope, options, progress);
        long resumedFrom = state.done();
        Query query = query(scope, state.publishedFrom());
        long total = client.count(c -> c.index(scope.alias()).query(query)).count();
        List<String> failures = new ArrayList<>();
        long classifyingNanos = 0;
        long thisRun = 0;
        long nextProgress = options.progressEvery();
        ExecutorService io = Executors.newSingleThreadExecutor(daemon("reclassify-io"));
        ExecutorService classifying = Executors.newFixedThreadPool(options.threads(), daemon("reclassify-classify"));
        String pit = client.openPointInTime(o -> o.index(scope.alias()).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        PageReader reader = new PageReader(client, pit, query, KEEP_ALIVE);
        PageWriter writer = new PageWriter(client, json);
        try {
            Page page = reader.read(state.after(), pageSize(options, thisRun));
            Future<PageOutcome> pendingWrite = null;
            while (!page.hits().isEmpty()) {
                thisRun += page.hits().size();
                boolean last = page.hits().size() < pageSize(options, thisRun - page.hits().size())
                        || (options.limit() > 0 && thisRun >= options.limit());
                List<String> after = sortOf(page.hits().get(page.hits().size() - 1));
                long size = pageSize(options, thisRun);
                Future<Page> next = last ? null : io.submit(() -> reader.read(after, (int) size));
                long t0 = System.nanoTime();
                List<Classified> classified = classify(page.hits(), classifying);
                classifyingNanos += System.nanoTime() - t0;
                if (pendingWrite != null) {
                    state = record(state, await(pendingWrite), failures);
                }
                pendingWrite = io.submit(() -> writer.write(classified, after));
                if (thisRun >= nextProgress) {
                    progress.accept(String.format("reclassify: %d/%d items, %.0f items/s", resumedFrom + thisRun, total,
                            thisRun / ((System.nanoTime() - startNanos) / 1e9)));
                    nextProgress = (thisRun / options.progressEvery() + 1) * options.progressEvery();
                }
                page = next == null ? Page.EMPTY : await(next);
            }
            if (pendingWrite != null) {
                state = record(state, await(pendingWrite), failures);
            }
            boolean stoppedByLimit = options.limit() > 0 && thisRun >= options.limit();
            if (!stoppedByLimit) {
                state = state.completed();
                stateFile.write(state);
            }
        } finally {
            io.shutdownNow();
            classifying.shutdownNow();
            reader.close();
        }
        LOG.info("event=reclassify_run alias={} source={} since={} items={} done={} total={} changed={} failed={} complete={}",
                scope.alias(), scope.source().orElse("-"), scope.since().orElse("-"), thisRun, state.done(), total,
                state.changed(), state.failed(), state.complete());
        return new ReclassifySummary(resumedFrom, thisRun, total, state, List.copyOf(failures),
                Duration.ofNanos(System.nanoTime() - startNanos), Duration.ofNanos(classifyingNanos));
    }

    private ReclassifyState startingState(ReclassifyScope scope, Options options, Consumer<String> progress) {
        Optional<ReclassifyState> saved = options.restart() ? Optional.empty() : stateFile.read();
        if (saved.isPresent() && saved.get().resumes(scope, classifier.version())) {
            progress.accept("reclassify: resuming the run begun " + saved.get().started() + ": " + saved.get().done()
                    + " item(s) done, going on after id " + String.join(",", saved.get().after()));
            return saved.get();
        }
        if (saved.isPresent() && !saved.get().complete()) {
            progress.accept("reclassify: an unfinished run of another scope or classifier (" + stateFile.path()
                    + ") is replaced: this one starts over");
        }
        Instant now = clock.instant();
        ReclassifyState fresh = ReclassifyState.begin(scope, scope.window().map(now::minus).orElse(null), classifier.version(), now);
        stateFile.write(fresh);
        return fresh;
    }

    private ReclassifyState record(ReclassifyState state, PageOutcome outcome, List<String> failures) {
        ReclassifyState next = state.plus(outcome);
        stateFile.write(next); // only after Elasticsearch acknowledged the page: a resumed run never skips an item
        for (String f : outcome.failures()) {
            if (failures.size() < MAX_FAILURES_LISTED) {
                failures.add(f);
            }
        }
        return next;
    }

    private List<Classified> classify(List<Hit<JsonNode>> hits, ExecutorService pool) throws IOException {
        List<Future<Classified>> futures = new ArrayList<>(hits.size());
        for (Hit<JsonNode> h : hits) {
            futures.add(pool.submit(() -> Classified.of(h, classifier, glossary)));
        }
        List<Classified> out = new ArrayList<>(hits.size());
        for (Future<Classified> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    private static int pageSize(Options options, long doneThisRun) {
        return (int) (options.limit() > 0 ? Math.min(options.pageSize(), options.limit() - doneThisRun) : options.pageSize());
    }

    static Query query(ReclassifyScope scope, Instant publishedFrom) {
        return Query.of(q -> q.bool(b -> {
            scope.source().ifPresent(s -> b.filter(f -> f.term(t -> t.field("source.id").value(s))));
            if (publishedFrom != null) {
                b.filter(f -> f.range(r -> r.date(d -> d.field("published").gte(publishedFrom.toString()))));
            }
            return b;
        }));
    }

    /** Where the next page starts: the item's {@code id} alone, which is unique and the same in any point in time. */
    private static List<String> sortOf(Hit<JsonNode> hit) {
        return List.of(hit.sort().get(0).stringValue());
    }

    /**
     * A point-in-time search sorts by an implicit {@code _shard_doc} tiebreaker after {@code id}, whose values belong to
     * one point in time; ids are unique, so the largest tiebreaker starts exactly after the item in any of them.
     */
    static List<FieldValue> sortValues(List<String> after) {
        return List.of(FieldValue.of(after.get(0)), FieldValue.of(Long.MAX_VALUE));
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
