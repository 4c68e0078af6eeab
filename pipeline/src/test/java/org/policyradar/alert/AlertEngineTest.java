package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.testing.TestElasticsearch;

/** Watches, spikes and delivery against the real Elasticsearch, a real HTTP server and GreenMail's real SMTP. */
class AlertEngineTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static ElasticsearchConnection es;
    private static ItemIndexer indexer;

    @BeforeAll
    static void connect() {
        es = ElasticsearchConnection.open(new ElasticsearchSettings(Optional.of(TestElasticsearch.url()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
        new AlertEngine(es.client(), AlertsConfig.empty()).ensureIndices();
        indexer = new ItemIndexer(es.client(), "radar-items");
    }

    @AfterAll
    static void close() {
        es.close();
    }

    private static Item item(String title, String topic, String source, Instant published, Instant fetched) {
        String url = "https://alerts.example/" + UUID.randomUUID();
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(CanonicalUrl.canonicalize(url))
                .title(title).published(published).fetched(fetched).lang("en")
                .source(new SourceRef(source, source, "EU")).topics(List.of(topic)).scores(Map.of())
                .evidence(Map.of()).evidenceDetail(List.of()).entities(List.of()).signals(List.of()).build();
    }

    private static void index(List<Item> items) throws IOException {
        var outcome = indexer.index(items);
        assertThat(outcome.failures()).isEmpty();
        indexer.refresh();
    }

    /** 28 days of {@code perDay} items a day (rotating over {@code sources}) before the window. */
    private static List<Item> history(String topic, Instant now, int perDay, String... sources) {
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (int day = 1; day <= 28; day++) {
            for (int i = 0; i < perDay; i++) {
                Instant t = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(1 + i));
                out.add(item("history " + topic + " " + day + "/" + i, topic, sources[n++ % sources.length], t, t));
            }
        }
        return out;
    }

    private static List<Item> window(String topic, Instant now, int count, String... sources) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant t = now.minus(Duration.ofMinutes(30 + 60L * i));
            out.add(item("today " + topic + " " + i, topic, sources[i % sources.length], t, t));
        }
        return out;
    }

    /** The topic-level alerts of a topic (not its per-region spikes). */
    private static List<Alert> ofTopic(List<Alert> alerts, String topic) {
        return alerts.stream().filter(a -> topic.equals(a.topic()) && (a.region() == null || !AlertType.SPIKE.equals(a.type()))).toList();
    }

    private static Item item(String title, List<String> topics, List<String> entities, SourceRef source, Instant t) {
        String url = "https://alerts.example/" + UUID.randomUUID();
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(CanonicalUrl.canonicalize(url))
                .title(title).published(t).fetched(t).lang("en").source(source).topics(topics).scores(Map.of())
                .evidence(Map.of()).evidenceDetail(List.of()).entities(entities).signals(List.of()).build();
    }

    @Test
    void aSpikeInOneRegionIsRaisedForThatRegionOnly() throws Exception {
        Instant now = Instant.parse("2035-03-10T12:00:00Z");
        String topic = "regional-" + UUID.randomUUID();
        List<SourceRef> sources = List.of(new SourceRef("r-cn-1", "r-cn-1", "CN"), new SourceRef("r-eu-1", "r-eu-1", "EU"),
                new SourceRef("r-cn-2", "r-cn-2", "CN"), new SourceRef("r-eu-2", "r-eu-2", "EU"));
        List<Item> items = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            for (int k = 0; k < 2; k++) { // one CN and one EU item a day
                items.add(item("history " + day + "/" + k, List.of(topic), List.of(), sources.get((day + k) % 2 == 0 ? 0 : 1),
                        now.minus(Duration.ofDays(day)).minus(Duration.ofHours(1 + k))));
            }
        }
        for (int i = 0; i < 9; i++) { // today: nine from the two CN sources, one EU item as usual
            items.add(item("today " + i, List.of(topic), List.of(), sources.get(i % 2 == 0 ? 0 : 2), now.minus(Duration.ofMinutes(30 + 60L * i))));
        }
        items.add(item("today eu", List.of(topic), List.of(), sources.get(1), now.minus(Duration.ofHours(3))));
        index(items);
        List<Alert> raised = new AlertEngine(es.client(), AlertsConfig.empty()).evaluate(now).raised().stream()
                .filter(a -> topic.equals(a.topic())).toList();
        assertThat(raised).extracting(Alert::region).containsExactlyInAnyOrder(null, "CN");
        Alert cn = raised.stream().filter(a -> "CN".equals(a.region())).findFirst().orElseThrow();
        assertThat(cn.title()).contains("in CN");
        assertThat(cn.observed()).isEqualTo(9.0);
        assertThat(cn.expected()).isEqualTo(1.0);
    }

    @Test
    void anActorInTheNewsAcrossTopicsRaisesAnActorSpike() throws Exception {
        Instant now = Instant.parse("2036-03-10T12:00:00Z");
        String actor = "Actor-" + UUID.randomUUID();
        List<SourceRef> sources = List.of(new SourceRef("act-1", "act-1", "EU"), new SourceRef("act-2", "act-2", "CN"));
        List<Item> items = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            items.add(item("history " + day, List.of("t-" + UUID.randomUUID()), List.of(actor), sources.get(day % 2),
                    now.minus(Duration.ofDays(day)).minus(Duration.ofHours(2))));
        }
        for (int i = 0; i < 8; i++) { // each item on a topic of its own: no topic spikes, one actor spike
            items.add(item("today " + i, List.of("t-" + UUID.randomUUID()), List.of(actor), sources.get(i % 2),
                    now.minus(Duration.ofMinutes(30 + 60L * i))));
        }
        index(items);
        AlertEngine engine = new AlertEngine(es.client(), AlertsConfig.empty());
        List<Alert> raised = engine.evaluate(now).raised().stream().filter(a -> a.title().contains(actor)).toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).topic()).isNull();
        assertThat(raised.get(0).observed()).isEqualTo(8.0);
        assertThat(raised.get(0).items()).hasSize(8);
        assertThat(engine.evaluate(now.plus(Duration.ofHours(1))).raised()).noneMatch(a -> a.title().contains(actor));
    }

    @Test
    void aSpikeOnOneTopicRaisesExactlyOneSpikeAlertAndReEvaluationNothingNew() throws Exception {
        Instant now = Instant.parse("2031-03-10T12:00:00Z");
        String topic = "spike-" + UUID.randomUUID();
        List<Item> items = new ArrayList<>(history(topic, now, 1, "s-a", "s-b", "s-c"));
        items.addAll(window(topic, now, 12, "s-a", "s-b", "s-c"));
        index(items);
        AlertEngine engine = new AlertEngine(es.client(), AlertsConfig.empty());

        List<Alert> spikes = ofTopic(engine.evaluate(now).raised(), topic);
        assertThat(spikes).hasSize(1);
        Alert a = spikes.get(0);
        assertThat(a.type()).isEqualTo(AlertType.SPIKE);
        assertThat(a.observed()).isEqualTo(12.0);
        assertThat(a.expected()).isEqualTo(1.0);
        assertThat(a.score()).isGreaterThan(3.0);
        assertThat(a.items()).hasSize(10);
        assertThat(engine.store().get(a.id())).isPresent();

        assertThat(ofTopic(engine.evaluate(now).raised(), topic)).isEmpty();
        assertThat(ofTopic(engine.evaluate(now.plus(Duration.ofHours(2))).raised(), topic)).isEmpty();
        assertThat(engine.store().list(now.minus(Duration.ofDays(1)), Optional.of(AlertType.SPIKE.wireName()), 100).stream()
                .filter(x -> topic.equals(x.topic())).count()).isEqualTo(1);
    }

    @Test
    void nearDuplicatesCountOnceSoOneSyndicatedStoryIsNoSpike() throws Exception {
        Instant now = Instant.parse("2034-03-10T12:00:00Z");
        String topic = "syndicated-" + UUID.randomUUID();
        List<Item> items = new ArrayList<>(history(topic, now, 1, "y-a", "y-b", "y-c"));
        List<Item> today = window(topic, now, 15, "y-a", "y-b", "y-c");
        // Three stories today, each republished by four more outlets: 15 items, 3 distinct.
        for (int i = 0; i < today.size(); i++) {
            items.add(i < 3 ? today.get(i) : today.get(i).withDuplicateOf(today.get(i % 3).id()));
        }
        index(items);
        AlertEngine engine = new AlertEngine(es.client(), AlertsConfig.empty());
        assertThat(ofTopic(engine.evaluate(now).raised(), topic)).isEmpty();
    }

    @Test
    void aFlatSeriesRaisesNothing() throws Exception {
        Instant now = Instant.parse("2032-03-10T12:00:00Z");
        String topic = "flat-" + UUID.randomUUID();
        List<Item> items = new ArrayList<>(history(topic, now, 6, "f-a", "f-b", "f-c"));
        items.addAll(window(topic, now, 7, "f-a", "f-b", "f-c"));
        index(items);
        AlertEngine engine = new AlertEngine(es.client(), AlertsConfig.empty());
        assertThat(ofTopic(engine.evaluate(now).raised(), topic)).isEmpty();
    }

    @Test
    void aSpikeFromASingleSourceRaisesNothing() throws Exception {
        Instant now = Instant.parse("2033-03-10T12:00:00Z");
        String topic = "single-" + UUID.randomUUID();
        List<Item> items = new ArrayList<>(history(topic, now, 1, "one-a", "one-b"));
        items.addAll(window(topic, now, 15, "one-a"));
        index(items);
        AlertEngine engine = new AlertEngine(es.client(), AlertsConfig.empty());
        assertThat(ofTopic(engine.evaluate(now).raised(), topic)).isEmpty();
        // Same data, one source is enough: now it is a spike — the guard, not the statistics, stopped it.
        AlertsConfig oneSource = new AlertsConfig(Optional.empty(), List.of(), List.of(),
                new AlertsConfig.Spike(Duration.ofDays(1), 28, 5, 1, 3.0, Duration.ofHours(24)), Map.of());
        assertThat(ofTopic(new AlertEngine(es.client(), oneSource).evaluate(now).raised(), topic)).hasSize(1);
    }

    @Test
    void aWatchAlertsOncePerNewMatch() throws Exception {
        Instant now = Instant.parse("2034-03-10T12:00:00Z");
        String token = "zq" + UUID.randomUUID().toString().replace("-", "");
        String watchId = "w-" + token.substring(2, 12);
        AlertsConfig config = new AlertsConfig(Optional.of("http://kibana.example:5601"), List.of(),
                List.of(new AlertsConfig.Watch(watchId, token, List.of(), List.of("EU"), List.of())),
                AlertsConfig.Spike.DEFAULTS, Map.of());
        Item first = item("Policy " + token + " adopted", "watch-topic-" + token, "w-src", now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(1)));
        Item unrelated = item("Something else", "watch-topic-" + token, "w-src", now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(1)));
        index(List.of(first, unrelated));
        AlertEngine engine = new AlertEngine(es.client(), config);

        List<Alert> raised = engine.evaluate(now).raised().stream().filter(a -> watchId.equals(a.watch())).toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).items()).extracting(Alert.AlertItem::id).containsExactly(first.id());
        assertThat(raised.get(0).kibanaUrl()).startsWith("http://kibana.example:5601/app/discover");

        assertThat(engine.evaluate(now.plus(Duration.ofMinutes(1))).raised()).noneMatch(a -> watchId.equals(a.watch()));

        // A new match, fetched after the last evaluation; the first item (inside the overlap) is not listed again.
        Item second = item("More " + token, "watch-topic-" + token, "w-src", now, now.plus(Duration.ofMinutes(2)));
        index(List.of(second));
        raised = engine.evaluate(now.plus(Duration.ofMinutes(5))).raised().stream().filter(a -> watchId.equals(a.watch())).toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).items()).extracting(Alert.AlertItem::id).containsExactly(second.id());
        assertThat(engine.evaluate(now.plus(Duration.ofMinutes(10))).raised()).noneMatch(a -> watchId.equals(a.watch()));
    }

    @Test
    void aFailedWebhookIsRetriedAndEveryChannelGetsTheAlertExactlyOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> keys = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            byte[] body = (status == 200 ? "ok" : "boom").getBytes();
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Instant now = Instant.parse("2035-03-10T12:00:00Z");
            String token = "zd" + UUID.randomUUID().toString().replace("-", "");
            String watchId = "d-" + token.substring(2, 12);
            AlertsConfig config = new AlertsConfig(Optional.empty(), List.of(
                    new AlertsConfig.Webhook("chat", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
                    new AlertsConfig.Email("mail", "127.0.0.1", greenMail.getSmtp().getPort(), false, Optional.empty(),
                            Optional.empty(), "radar@example.org", List.of("analyst@example.org"))),
                    List.of(new AlertsConfig.Watch(watchId, token, List.of(), List.of(), List.of())),
                    AlertsConfig.Spike.DEFAULTS, Map.of());
            index(List.of(item("Decree " + token, "deliver-" + token, "d-src", now.minus(Duration.ofHours(2)),
                    now.minus(Duration.ofHours(1)))));
            AlertEngine engine = new AlertEngine(es.client(), config);

            AlertEngine.Result first = engine.evaluate(now);
            assertThat(first.raised()).hasSize(1);
            String id = first.raised().get(0).id();
            assertThat(calls.get()).isEqualTo(1);
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            Alert stored = engine.store().get(id).orElseThrow();
            assertThat(stored.delivered()).isFalse();
            assertThat(stored.deliveries()).anySatisfy(d -> {
                assertThat(d.channel()).isEqualTo("chat");
                assertThat(d.status()).isEqualTo(Alert.Delivery.PENDING);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.error()).contains("500");
            });

            engine.evaluate(now.plus(Duration.ofMinutes(5)));
            assertThat(calls.get()).isEqualTo(2);
            assertThat(keys).containsExactly(id, id);
            assertThat(bodies.get(1)).contains("\"text\"").contains(token);
            stored = engine.store().get(id).orElseThrow();
            assertThat(stored.delivered()).isTrue();
            assertThat(stored.deliveries()).allSatisfy(d -> assertThat(d.status()).isEqualTo(Alert.Delivery.DELIVERED));

            engine.evaluate(now.plus(Duration.ofMinutes(10)));
            assertThat(calls.get()).isEqualTo(2);
            MimeMessage[] mails = greenMail.getReceivedMessages();
            assertThat(mails).hasSize(1);
            assertThat(mails[0].getSubject()).contains(watchId);
            var parts = (jakarta.mail.internet.MimeMultipart) mails[0].getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat((String) parts.getBodyPart(0).getContent()).contains("Decree " + token);
            assertThat((String) parts.getBodyPart(1).getContent()).contains("Decree " + token);
            assertThat(mails[0].getHeader("X-PolicyRadar-Alert")[0]).isEqualTo(id);

            // radar alerts test: one message per channel, not stored.
            Map<String, String> test = engine.test(now);
            assertThat(test).containsOnlyKeys("chat", "mail");
            assertThat(test.values()).containsOnlyNulls();
            assertThat(greenMail.getReceivedMessages()).hasSize(2);
        } finally {
            server.stop(0);
        }
    }
}
