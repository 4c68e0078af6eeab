package org.policyradar.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;
import org.slf4j.LoggerFactory;

/** Candidates are fetched over several pages without loss; the safety limit, when hit, is logged. */
class NearDuplicateCandidatesTest {

    @Test
    void allPagesAreFetchedAndTheLimitIsLogged() throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
            Instant t = Instant.parse("2032-05-05T08:00:00Z");
            List<Item> same = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String url = "https://nd-pages.example/" + i;
                same.add(Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url)
                        .title("Weekly bulletin of the ministry").summary("Weekly bulletin.")
                        .published(t.plusSeconds(i)).fetched(t).lang("en")
                        .source(new SourceRef("nd-pages", "nd-pages", "EU")).topics(List.of()).scores(Map.of())
                        .evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(List.of()).build().withFingerprint());
            }
            ItemIndexer indexer = new ItemIndexer(es.client(), IndexSetup.ITEMS.alias());
            indexer.index(same);
            indexer.refresh();
            List<String> keys = same.get(0).simhashBands();

            assertThat(new NearDuplicateCandidates(es.client(), IndexSetup.ITEMS.alias(), 2, 100)
                    .sharingAnyKey(keys, t.minusSeconds(60), t.plusSeconds(60)))
                    .extracting(NearDuplicateCandidates.Candidate::id).containsExactlyInAnyOrderElementsOf(same.stream().map(Item::id).toList());

            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            Logger logger = (Logger) LoggerFactory.getLogger(NearDuplicateCandidates.class);
            logger.addAppender(log);
            try {
                assertThat(new NearDuplicateCandidates(es.client(), IndexSetup.ITEMS.alias(), 2, 5)
                        .sharingAnyKey(keys, t.minusSeconds(60), t.plusSeconds(60))).hasSize(5);
            } finally {
                logger.detachAppender(log);
            }
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(m -> m.startsWith("event=near_duplicate_candidates_capped limit=5"));
            es.client().bulk(b -> {
                same.forEach(i -> b.operations(op -> op.delete(d -> d.index(IndexSetup.ITEMS.alias()).id(i.id()))));
                return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
            });
        }
    }

    /** 100,000 keys (a 2,000-item batch has ~96,000) are more than one terms query may hold (65,536): none is lost. */
    @Test
    void moreKeysThanOneTermsQueryTakesStillFindEveryItem() throws Exception {
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null)) {
            new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
            Instant t = Instant.parse("2032-06-06T08:00:00Z");
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String url = "https://nd-many-keys.example/" + i;
                items.add(Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(url)
                        .title("Notice number " + i + " on spectrum fees").published(t.plusSeconds(i)).fetched(t)
                        .lang("en").source(new SourceRef("nd-many", "nd-many", "EU")).topics(List.of())
                        .scores(Map.of()).evidence(Map.of()).evidenceDetail(List.of()).entities(List.of())
                        .signals(List.of()).build().withFingerprint());
            }
            ItemIndexer indexer = new ItemIndexer(es.client(), IndexSetup.ITEMS.alias());
            indexer.index(items);
            indexer.refresh();
            List<String> keys = new ArrayList<>();
            for (int i = 0; keys.size() < 100_000 - 3; i++) {
                keys.add("m4:none:" + i);
            }
            items.forEach(i -> keys.add(i.simhashBands().get(0))); // in the last chunk

            assertThat(new NearDuplicateCandidates(es.client(), IndexSetup.ITEMS.alias(), 1_000, 20_000)
                    .sharingAnyKey(keys, t.minusSeconds(60), t.plusSeconds(60)))
                    .extracting(NearDuplicateCandidates.Candidate::id).containsExactlyInAnyOrderElementsOf(items.stream().map(Item::id).toList());
            es.client().bulk(b -> {
                items.forEach(i -> b.operations(op -> op.delete(d -> d.index(IndexSetup.ITEMS.alias()).id(i.id()))));
                return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
            });
        }
    }
}
