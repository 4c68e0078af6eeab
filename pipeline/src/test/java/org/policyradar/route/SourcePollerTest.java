package org.policyradar.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.classify.Classification;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextItem;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FileFetchStateStore;
import org.policyradar.fetch.Validators;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.ItemFactory;
import org.policyradar.item.ItemFactory.RawItem;
import org.policyradar.spool.ItemSpool;
import org.policyradar.spool.SpoolingIndexer;
import org.policyradar.testing.ItemsIndex;

/**
 * {@link SourcePoller}'s steps on one exchange, as the route runs them, with a reader that answers what the test
 * sets and a real Elasticsearch behind the spooling indexer: what is classified, stored, skipped, counted as failed,
 * and when the fetch validators move on.
 */
class SourcePollerTest {
    private static final Instant T = Instant.parse("2044-04-04T04:00:00Z");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Validators NEW_VALIDATORS = new Validators("\"v2\"", null);
    @RegisterExtension
    static final ItemsIndex ITEMS_INDEX = new ItemsIndex();

    /** Topics by keyword; a title containing "boom" cannot be classified. */
    private static final class KeywordClassifier implements ItemClassifier {
        @Override
        public Classification classify(TextItem item) {
            if (item.title().contains("boom")) {
                throw new IllegalStateException("classifier broke on " + item.id());
            }
            List<String> topics = item.title().contains("5G") ? List.of("5g") : List.of();
            return new Classification(item.lang(), topics, topics.isEmpty() ? Map.of() : Map.of("5g", 0.9), Map.of(), List.of(),
                    List.of(), Map.of("title", item.title().toLowerCase(), "body", ""));
        }

        @Override
        public String analyze(String text, String lang) {
            return text.toLowerCase();
        }

        @Override
        public String version() {
            return "keyword-1";
        }
    }

    /** A reader answering with the status and entries the test sets. */
    private static final class ScriptedReader implements SourceReader {
        int status = 200;
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
        List<RawItem> entries = List.of();

        @Override
        public FetchResult fetch(SourceConfig source, Validators stored) {
            return new FetchResult(source.url(), source.url(), status, status == 304 ? new byte[0] : body, "application/rss+xml",
                    status == 304 ? stored : NEW_VALIDATORS, T);
        }

        @Override
        public SourceRead read(SourceConfig source, FetchResult fetched) {
            return SourceRead.of(entries);
        }
    }

    private record Setup(SourcePoller poller, ScriptedReader reader, FileFetchStateStore fetchState, PollOutcomes outcomes,
                         SourceConfig source, SpoolingIndexer indexer) {
    }

    private static Setup setup(Path dir) {
        String id = "poller-" + UUID.randomUUID().toString().substring(0, 8);
        SourceConfig source = new SourceConfig(id, "Poller test", Region.EU, "en", SourceKind.FEED,
                URI.create("https://poller.example/" + id + ".xml"), Schedule.parse("1h").orElseThrow(), Optional.empty(), false,
                Optional.empty(), false, List.of(), "");
        ScriptedReader reader = new ScriptedReader();
        FileFetchStateStore fetchState = new FileFetchStateStore(dir.resolve("fetch-state.json"));
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        SpoolingIndexer indexer = new SpoolingIndexer(new ItemSpool(dir.resolve("spool"), ElasticsearchConnection.objectMapper(),
                clock), new ItemIndexer(ITEMS_INDEX.es().client(), "radar-items"), () -> new IndexSetup(ITEMS_INDEX.es().client()).ensure(List.of(IndexSetup.ITEMS)));
        PollOutcomes outcomes = new PollOutcomes();
        SourcePoller poller = new SourcePoller(Map.of(id, source), new SourceReaders(Map.of(SourceKind.FEED, reader)), fetchState,
                new ItemFactory(new KeywordClassifier()), indexer, new SeenEntries(dir.resolve("seen"), "keyword-1"), outcomes, clock);
        return new Setup(poller, reader, fetchState, outcomes, source, indexer);
    }

    private static RawItem entry(String id, String title) {
        return RawItem.builder().url("https://poller.example/" + RUN + "/a/" + id).title(title).summary("summary of " + title).published(T)
                .fetched(T).build();
    }

    /** One poll as the route runs it: fetch, (304 or) parse, classify each entry, index. */
    private static PollOutcome poll(Setup s) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SourcePoller.SOURCE_ID, s.source().id());
        s.poller().fetch(exchange);
        if (s.poller().notModified(exchange)) {
            s.poller().recordNotModified(exchange);
        } else {
            s.poller().parse(exchange);
            @SuppressWarnings("unchecked")
            List<RawItem> toClassify = exchange.getMessage().getBody(List.class);
            List<ClassifiedEntry> classified = new ArrayList<>();
            for (RawItem raw : toClassify) {
                exchange.getMessage().setBody(raw);
                s.poller().classify(exchange);
                classified.add(exchange.getMessage().getBody(ClassifiedEntry.class));
            }
            exchange.getMessage().setBody(classified);
            s.poller().index(exchange);
            s.indexer().refresh(); // as a run does after its pass: the next poll's lookup searches the index
        }
        List<PollOutcome> all = s.outcomes().all();
        return all.get(all.size() - 1);
    }

    @Test
    void newEntriesAreStoredAndTheSameEntriesPolledAgainAreSkippedUnclassified(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        s.reader().entries = List.of(entry("1", "5G licences awarded"), entry("2", "Spectrum auction"));
        PollOutcome first = poll(s);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.failed()).isZero();
        assertThat(first.status()).isEqualTo(200);
        assertThat(s.fetchState().get(s.source().id(), s.source().url())).isEqualTo(NEW_VALIDATORS);

        PollOutcome second = poll(s);
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.created() + second.updated()).isZero();

        s.reader().entries = List.of(entry("1", "5G licences awarded"), entry("2", "Spectrum auction (corrected)"));
        PollOutcome edited = poll(s);
        assertThat(edited.unchanged()).isEqualTo(1);
        assertThat(edited.updated()).isEqualTo(1);
    }

    @Test
    void anEntryThatFailsClassificationIsCountedNamedAndTriedAgainAndTheValidatorsStayBack(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        s.reader().entries = List.of(entry("ok", "5G rollout"), entry("bad", "boom goes the parser"));
        PollOutcome outcome = poll(s);
        assertThat(outcome.created()).isEqualTo(1);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.itemErrors()).singleElement().asString()
                .contains("source=" + s.source().id(), "/a/bad", "classification failed", "classifier broke");
        assertThat(s.fetchState().get(s.source().id(), s.source().url()))
                .as("a failed entry keeps the old validators so that the next poll fetches it again").isEqualTo(Validators.NONE);

        PollOutcome again = poll(s);
        assertThat(again.unchanged()).as("the stored entry").isEqualTo(1);
        assertThat(again.failed()).as("the failed entry is classified again, not skipped as seen").isEqualTo(1);
    }

    @Test
    void aNotModifiedAnswerIsRecordedAsAnEmptyPoll(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        s.reader().status = 304;
        PollOutcome outcome = poll(s);
        assertThat(outcome.status()).isEqualTo(304);
        assertThat(outcome.fetched() + outcome.created() + outcome.failed()).isZero();
        assertThat(outcome.error()).isNull();
    }

    @Test
    void aChallengePageFailsThePollAndAnUnknownSourceIsNamed(@TempDir Path dir) throws Exception {
        Setup s = setup(dir);
        s.reader().body = ("<html><head><script>document.cookie='c=1';location.reload();</script></head><body></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> poll(s)).isInstanceOf(FetchException.class).hasMessageContaining("sets a cookie and reloads");

        Exchange unknown = new DefaultExchange(new DefaultCamelContext());
        unknown.getMessage().setHeader(SourcePoller.SOURCE_ID, "no-such-source");
        assertThatThrownBy(() -> s.poller().fetch(unknown)).hasMessageContaining("unknown source id 'no-such-source'");
    }
}
