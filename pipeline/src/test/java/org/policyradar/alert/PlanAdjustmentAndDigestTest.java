package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.change.ChangeSummary;
import org.policyradar.change.ChangeTracker;
import org.policyradar.change.IgnoreRules;
import org.policyradar.change.PageVersion;
import org.policyradar.change.VersionStore;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.index.IndexSetup;
import org.policyradar.index.ItemIndexer;
import org.policyradar.item.CanonicalUrl;
import org.policyradar.item.Item;
import org.policyradar.item.SourceRef;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.testing.TestElasticsearch;

/**
 * Plan adjustments, digests, delivery backoff and escaping against the real Elasticsearch, a real local webhook
 * endpoint and GreenMail's real SMTP server. (The path through fetched HTML pages is {@code RunOnceEndToEndTest}.)
 */
class PlanAdjustmentAndDigestTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static ElasticsearchConnection es;
    private static ChangeSummary summaries;

    @BeforeAll
    static void connect() {
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
        new AlertEngine(es.client(), AlertsConfig.empty()).ensureIndices();
        summaries = new ChangeSummary(TaxonomyLoader.loadDefault());
    }

    @AfterAll
    static void close() {
        es.close();
    }

    /** A real webhook endpoint: records bodies, answers 503 while down. */
    static final class Hook implements AutoCloseable {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        volatile boolean down;
        private final HttpServer server;

        Hook() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", ex -> {
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                int status = down ? 503 : 200;
                statuses.add(status);
                ex.sendResponseHeaders(status, -1);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<String> bodiesWith(String text) {
            return bodies.stream().filter(b -> b.contains(text)).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static SourceConfig source(String id) {
        return new SourceConfig(id, "Tracked " + id, Region.CN, "zh", SourceKind.HTML, URI.create("https://gov.example/list.html"),
                Schedule.parse("1h").orElseThrow(), Optional.empty(), true, Optional.empty(), true, List.of(), "");
    }

    private static String page(String target, String stamp, int views) {
        return "关于推进5G网络建设的通知\n发布时间：" + stamp + " 浏览次数：" + views + "\n"
                + "为加快5G网络建设，推动5G基站共建共享。到2027年每万人拥有5G基站数达到" + target + "个。\n"
                + "各省、自治区、直辖市工业和信息化主管部门，要加强组织领导，做好政策宣传和落实工作，确保各项任务按期完成。\n"
                + "Last updated: " + stamp;
    }

    private static String rnd() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTrackedPageInTwoVersionsRaisesExactlyOneChangeAlertWithItsDiffDeliveredEscaped() throws Exception {
        String id = "plan-" + rnd();
        String url = "https://gov.example/zcwj/" + id + ".html";
        String title = "通知 <script>alert(1)</script> " + id;
        Instant now = Instant.parse("2041-05-01T10:00:00Z");
        ChangeTracker tracker = new ChangeTracker(new VersionStore(es.client()), summaries, IgnoreRules.NONE);
        try (Hook hook = new Hook()) {
            AlertsConfig config = new AlertsConfig(Optional.of("http://kibana.example:5601"), List.of(
                    new AlertsConfig.Webhook("chat-" + id, hook.url()),
                    new AlertsConfig.Email("mail-" + id, "127.0.0.1", greenMail.getSmtp().getPort(), false, Optional.empty(),
                            Optional.empty(), "radar@example.org", List.of("analyst@example.org"))),
                    List.of(), AlertsConfig.Spike.DEFAULTS, Map.of());
            AlertEngine engine = new AlertEngine(es.client(), config);

            PageVersion first = tracker.track(source(id), url, title, page("38", "2041-04-30 09:00", 12), now.minus(Duration.ofHours(3)))
                    .orElseThrow();
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.changed()).isFalse();
            assertThat(changeAlerts(engine.evaluate(now.minus(Duration.ofHours(2))), url)).as("a first version is no change").isEmpty();

            // Only the page's date, its counter and its "Last updated" line move: no version, no alert.
            assertThat(tracker.track(source(id), url, title, page("38", "2041-05-01 08:00", 4711), now.minus(Duration.ofHours(2))))
                    .isEmpty();

            PageVersion second = tracker.track(source(id), url, title, page("50", "2041-05-01 09:00", 4800), now.minus(Duration.ofHours(1)))
                    .orElseThrow();
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.changed()).isTrue();

            List<Alert> raised = changeAlerts(engine.evaluate(now), url);
            assertThat(raised).hasSize(1);
            Alert a = raised.get(0);
            assertThat(a.type()).isEqualTo(AlertType.CHANGE);
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.diff()).contains("达到[-38-]{+50+}个").doesNotContain("浏览次数").doesNotContain("做好政策宣传");
            assertThat(a.summary()).contains("38个 → 50个").contains("[5g]");
            assertThat(a.topic()).isEqualTo("5g");
            assertThat(a.kibanaUrl()).startsWith("http://kibana.example:5601/app/discover").contains("radar-versions").contains(first.itemId());
            assertThat(a.id()).isEqualTo("change:" + CanonicalUrl.documentId(url) + ":v2");

            // Re-evaluation raises nothing; the alert went once to each channel.
            assertThat(changeAlerts(engine.evaluate(now.plus(Duration.ofMinutes(5))), url)).isEmpty();
            assertThat(engine.store().get(a.id()).orElseThrow().delivered()).isTrue();
            List<String> bodies = hook.bodiesWith(id);
            assertThat(bodies).hasSize(1);
            assertThat(bodies.get(0)).doesNotContain("<script").contains("\\u003Cscript\\u003E").contains("50");
            List<MimeMessage> mails = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> subject(m).contains(id)).toList();
            assertThat(mails).hasSize(1);
            MimeMultipart parts = (MimeMultipart) mails.get(0).getContent();
            String plain = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertThat(plain).contains("达到[-38-]{+50+}个").contains("38个 → 50个");
            assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .containsPattern("<del [^>]*>38</del><ins [^>]*>50</ins>");
        }
    }

    @Test
    void aSourcesOwnIgnoreRuleSilencesItsBoilerplate() {
        String id = "own-" + rnd();
        String url = "https://gov.example/own/" + id;
        IgnoreRules rules = new IgnoreRules(List.of(), Map.of(id, List.of(Pattern.compile("Visitors today: \\d+"))));
        ChangeTracker tracker = new ChangeTracker(new VersionStore(es.client()), summaries, rules);
        Instant t = Instant.parse("2041-06-01T10:00:00Z");
        assertThat(tracker.track(source(id), url, "Plan", "The plan.\nVisitors today: 17", t)).isPresent();
        assertThat(tracker.track(source(id), url, "Plan", "The plan.\nVisitors today: 18", t.plusSeconds(60))).isEmpty();
        // the same change on a source without the rule is an edit
        ChangeTracker plain = new ChangeTracker(new VersionStore(es.client()), summaries, IgnoreRules.NONE);
        assertThat(plain.track(source(id), url, "Plan", "The plan.\nVisitors today: 19", t.plusSeconds(120))).isPresent();
    }

    @Test
    void aDigestIsRaisedOncePerPeriodAndSentOnlyToItsRecipients() throws Exception {
        String id = rnd();
        Instant periodEnd = Instant.parse("2043-02-11T00:00:00Z");
        ItemIndexer indexer = new ItemIndexer(es.client(), "radar-items");
        List<Item> items = List.of(
                item("AI rules adopted " + id, "ai", 0.95, periodEnd.minus(Duration.ofHours(3))),
                item("AI office staffed " + id, "ai", 0.7, periodEnd.minus(Duration.ofHours(5))),
                item("Quantum network " + id, "quantum", 0.8, periodEnd.minus(Duration.ofHours(7))),
                item("Yesterday's news " + id, "ai", 0.99, periodEnd.minus(Duration.ofHours(30))));
        assertThat(indexer.index(items).failures()).isEmpty();
        indexer.refresh();
        try (Hook analysts = new Hook(); Hook others = new Hook()) {
            AlertsConfig config = new AlertsConfig(Optional.empty(), List.of(
                    new AlertsConfig.Webhook("digest-" + id, analysts.url()), new AlertsConfig.Webhook("other-" + id, others.url())),
                    List.of(), AlertsConfig.Spike.DEFAULTS, Map.of())
                    .withDigest(new AlertsConfig.Digest(Optional.of(Duration.ofHours(24)), Optional.empty(), java.time.ZoneOffset.UTC,
                            List.of("digest-" + id), 2));
            AlertEngine engine = new AlertEngine(es.client(), config);

            List<Alert> digests = ofType(engine.evaluate(periodEnd.plus(Duration.ofHours(1))), AlertType.DIGEST);
            assertThat(digests).hasSize(1);
            Alert d = digests.get(0);
            assertThat(d.windowStart()).isEqualTo(periodEnd.minus(Duration.ofDays(1)));
            assertThat(d.windowEnd()).isEqualTo(periodEnd);
            assertThat(d.itemsCount()).isEqualTo(3);
            assertThat(d.summary()).contains("By topic: ai 2, quantum 1").contains("Spikes: none").contains("Plan adjustments: none");
            assertThat(d.items()).extracting(Alert.AlertItem::title).containsExactly("AI rules adopted " + id, "Quantum network " + id);
            assertThat(d.deliveries()).extracting(Alert.Delivery::channel).containsExactly("digest-" + id);

            assertThat(ofType(engine.evaluate(periodEnd.plus(Duration.ofHours(5))), AlertType.DIGEST)).isEmpty();
            assertThat(analysts.bodiesWith("AI rules adopted " + id)).hasSize(1);
            assertThat(others.bodies).isEmpty();

            // the next period has its own digest
            List<Alert> next = ofType(engine.evaluate(periodEnd.plus(Duration.ofHours(25))), AlertType.DIGEST);
            assertThat(next).hasSize(1);
            assertThat(next.get(0).windowEnd()).isEqualTo(periodEnd.plus(Duration.ofDays(1)));
        }
    }

    @Test
    void aDigestAtAFixedLocalTimeCoversTheDayBeforeIt() {
        AlertsConfig.Digest at7 = new AlertsConfig.Digest(Optional.empty(), Optional.of(java.time.LocalTime.of(7, 0)),
                java.time.ZoneId.of("Europe/Berlin"), List.of(), 10);
        AlertsConfig.Period p = at7.lastCompleted(Instant.parse("2043-07-02T04:59:00Z")); // 06:59 CEST
        assertThat(p.end()).isEqualTo(Instant.parse("2043-07-01T05:00:00Z"));
        assertThat(p.start()).isEqualTo(Instant.parse("2043-06-30T05:00:00Z"));
        assertThat(at7.lastCompleted(Instant.parse("2043-07-02T05:00:00Z")).end()).isEqualTo(Instant.parse("2043-07-02T05:00:00Z"));
    }

    @Test
    void aChannelThatIsDownGetsTheAlertLaterExactlyOnceRespectingBackoff() throws Exception {
        String token = "zb" + UUID.randomUUID().toString().replace("-", "");
        Instant t0 = Instant.parse("2044-03-10T12:00:00Z");
        ItemIndexer indexer = new ItemIndexer(es.client(), "radar-items");
        Item item = item("Decree " + token, "backoff-" + token, 0.9, t0.minus(Duration.ofMinutes(30)));
        assertThat(indexer.index(List.of(item)).failures()).isEmpty();
        indexer.refresh();
        try (Hook hook = new Hook()) {
            hook.down = true;
            String channel = "down-" + token.substring(2, 10);
            AlertsConfig config = new AlertsConfig(Optional.empty(), List.of(new AlertsConfig.Webhook(channel, hook.url())),
                    List.of(new AlertsConfig.Watch("w-" + token.substring(2, 12), token, List.of(), List.of(), List.of())),
                    AlertsConfig.Spike.DEFAULTS, Map.of());
            AlertEngine engine = new AlertEngine(es.client(), config);

            String id = ofType(engine.evaluate(t0), AlertType.WATCH).get(0).id();
            assertThat(hook.bodiesWith(token)).hasSize(1);
            Alert.Delivery d = engine.store().get(id).orElseThrow().deliveries().get(0);
            assertThat(d.status()).isEqualTo(Alert.Delivery.PENDING);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.nextAttempt()).isEqualTo(t0.plus(Duration.ofMinutes(1)));
            assertThat(d.error()).contains("503");

            engine.evaluate(t0.plusSeconds(30)); // not due yet
            assertThat(hook.bodiesWith(token)).hasSize(1);
            engine.evaluate(t0.plusSeconds(60)); // due: second attempt, still down; next wait 2 min
            assertThat(hook.bodiesWith(token)).hasSize(2);
            assertThat(engine.store().get(id).orElseThrow().deliveries().get(0).nextAttempt()).isEqualTo(t0.plusSeconds(180));

            hook.down = false;
            engine.evaluate(t0.plusSeconds(120)); // up again, but the backoff has not elapsed
            assertThat(hook.bodiesWith(token)).hasSize(2);
            engine.evaluate(t0.plusSeconds(180));
            assertThat(hook.bodiesWith(token)).hasSize(3);
            Alert stored = engine.store().get(id).orElseThrow();
            assertThat(stored.delivered()).isTrue();
            assertThat(stored.deliveries().get(0).status()).isEqualTo(Alert.Delivery.DELIVERED);
            assertThat(stored.deliveries().get(0).attempts()).isEqualTo(3);

            engine.evaluate(t0.plusSeconds(600));
            engine.evaluate(t0.plus(Duration.ofHours(2)));
            assertThat(hook.bodiesWith(token)).hasSize(3);
            assertThat(hook.statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        }
    }

    @Test
    void anAlertDocumentWrittenByAnotherToolDoesNotStopDelivery() throws Exception {
        // e.g. a hand-made document in radar-alerts: its _id is not its "id", so it cannot be updated by id
        es.client().index(i -> i.index("radar-alerts").document(Map.of("id", "foreign-" + rnd(), "type", "watch",
                "created", "2045-01-01T00:00:00Z", "title", "hand-made", "delivered", false))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        String token = "zf" + UUID.randomUUID().toString().replace("-", "");
        Instant t0 = Instant.parse("2045-01-02T12:00:00Z");
        ItemIndexer indexer = new ItemIndexer(es.client(), "radar-items");
        assertThat(indexer.index(List.of(item("Order " + token, "foreign-" + token, 0.9, t0.minus(Duration.ofMinutes(10))))).failures()).isEmpty();
        indexer.refresh();
        try (Hook hook = new Hook()) {
            AlertsConfig config = new AlertsConfig(Optional.empty(), List.of(new AlertsConfig.Webhook("f-" + token.substring(2, 10), hook.url())),
                    List.of(new AlertsConfig.Watch("w-" + token.substring(2, 12), token, List.of(), List.of(), List.of())),
                    AlertsConfig.Spike.DEFAULTS, Map.of());
            AlertEngine.Result r = new AlertEngine(es.client(), config).evaluate(t0);
            assertThat(ofType(r, AlertType.WATCH)).hasSize(1);
            assertThat(hook.bodiesWith(token)).hasSize(1);
        }
    }

    @Test
    void backoffDoublesFromOneMinuteUpToAnHour() {
        assertThat(Deliverer.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Deliverer.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Deliverer.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Deliverer.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(Deliverer.backoff(500)).isEqualTo(Duration.ofHours(1));
    }

    private static Item item(String title, String topic, double score, Instant fetched) {
        String url = "https://digest.example/" + UUID.randomUUID();
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(CanonicalUrl.canonicalize(url))
                .title(title).published(fetched).fetched(fetched).lang("en")
                .source(new SourceRef("digest-src", "Digest source", "EU")).topics(List.of(topic))
                .scores(Map.of(topic, score)).evidence(Map.of()).evidenceDetail(List.of()).entities(List.of())
                .signals(List.of()).build();
    }

    private static List<Alert> changeAlerts(AlertEngine.Result r, String url) {
        return r.raised().stream().filter(a -> AlertType.CHANGE.equals(a.type()) && url.equals(a.url())).toList();
    }

    private static List<Alert> ofType(AlertEngine.Result r, AlertType type) {
        return r.raised().stream().filter(a -> type.equals(a.type())).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
