package org.policyradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.change.ChangeSummary;
import org.policyradar.change.ChangeTracker;
import org.policyradar.change.IgnoreRules;
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
import org.policyradar.testing.HeadlessChromium;
import org.policyradar.testing.TestElasticsearch;

/**
 * Each alert kind as an analyst receives it: raised from items in the real Elasticsearch, delivered through
 * GreenMail's real SMTP server, the HTML part taken from the received mail and rendered by a real headless Chromium
 * (screenshot and DOM). The DOM must show what an analyst needs: title, why it fired, source name and date, summary,
 * topics with the evidence terms marked, for a change the diff's deletions and insertions, both versions' dates and
 * the signal that moved, a Kibana link opening Discover on the right data view, and a link to the source. The
 * screenshots are kept in {@code target/mail-screenshots/} for a person to look at.
 */
class AlertMailRenderingTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final Path SHOTS = Path.of("target", "mail-screenshots").toAbsolutePath();
    private static final Instant PERIOD_END = Instant.parse("2047-03-11T00:00:00Z");
    private static final Instant NOW = PERIOD_END.plus(Duration.ofHours(1));
    private static final String KIBANA = "http://kibana.example:5601";

    private static ElasticsearchConnection es;
    private static HeadlessChromium chromium;
    private static String token;
    private static List<MimeMessage> mails;
    private static Item english;
    private static Item chinese;

    @BeforeAll
    static void raiseAndDeliverEveryKind() throws Exception {
        Files.createDirectories(SHOTS);
        chromium = HeadlessChromium.find(Files.createDirectories(SHOTS.resolve("work")));
        es = ElasticsearchConnection.open(ElasticsearchSettings.at(TestElasticsearch.url()), null);
        new IndexSetup(es.client()).ensure(List.of(IndexSetup.ITEMS));
        new AlertEngine(es.client(), AlertsConfig.empty()).ensureIndices();
        token = "zm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        english = item("Nokia wins 5G base station contract in Bochum", "The 5G network of the city will use Nokia base "
                + "stations; the federal office reviews the deal. " + token, "en", new SourceRef("heise-news", "heise online", "EU"),
                "5g", List.of("5G", "base station"), PERIOD_END.minus(Duration.ofHours(2)));
        chinese = item("工业和信息化部发布人工智能产业创新发展行动方案", "推动人工智能与实体经济深度融合，建设人工智能创新平台。 " + token, "zh",
                new SourceRef("gov-cn", "中国政府网 State Council", "CN"), "ai", List.of("人工智能"), PERIOD_END.minus(Duration.ofHours(3)));
        List<Item> items = new ArrayList<>(List.of(english, chinese));
        for (int day = 1; day <= 6; day++) { // the digest's trend: earlier days with some items per topic
            for (int n = 0; n < day % 3 + 1; n++) {
                items.add(item("Quantum link " + day + "-" + n, "Quantum key distribution network extended", "en",
                        new SourceRef("wire", "Wire", "EU"), "quantum", List.of("quantum"), PERIOD_END.minus(Duration.ofDays(day)).plusSeconds(3600)));
            }
        }
        ItemIndexer indexer = new ItemIndexer(es.client(), "radar-items");
        assertThat(indexer.index(items).failures()).isEmpty();
        indexer.refresh();

        AlertsConfig.Email mail = new AlertsConfig.Email("mail-" + token, "127.0.0.1", greenMail.getSmtp().getPort(), false,
                Optional.empty(), Optional.empty(), "radar@example.org", List.of("analyst@example.org"));
        AlertsConfig config = new AlertsConfig(Optional.of(KIBANA), List.of(mail),
                List.of(new AlertsConfig.Watch("w-" + token, token, List.of(), List.of(), List.of())), AlertsConfig.Spike.DEFAULTS, Map.of());

        // a tracked plan whose self-reliance target moves from 60% to 70%
        ChangeTracker tracker = new ChangeTracker(new VersionStore(es.client()), new ChangeSummary(TaxonomyLoader.loadDefault()),
                IgnoreRules.NONE);
        SourceConfig miit = new SourceConfig("miit-" + token, "MIIT policy documents", Region.CN, "zh", SourceKind.HTML,
                URI.create("https://www.miit.gov.cn/zwgk/zcwj/index.html"), Schedule.parse("1h").orElseThrow(), Optional.empty(), true,
                Optional.empty(), true, List.of(), "");
        String planUrl = "https://www.miit.gov.cn/zwgk/zcwj/" + token + ".html";
        tracker.track(miit, planUrl, "关于推进集成电路产业高质量发展的行动计划 " + token, plan("60%"), PERIOD_END.minus(Duration.ofDays(3)))
                .orElseThrow();
        tracker.track(miit, planUrl, "关于推进集成电路产业高质量发展的行动计划 " + token, plan("70%"), PERIOD_END.minus(Duration.ofHours(4)))
                .orElseThrow();

        new AlertEngine(es.client(), config).evaluate(NOW); // the watch and the plan adjustment

        AlertFactory factory = new AlertFactory(config);
        SpikeDetector.Measure measure = new SpikeDetector.Measure("5g", NOW.minus(Duration.ofHours(24)), NOW, 14, 6, 2.5, 7.9, 28);
        Alert spike = factory.spike(SpikeDetector.Subject.topic("5g"), "spike:" + token, NOW, measure, List.of(english));
        new Deliverer(config).send(mail, spike.toBuilder().region(null).title(spike.title() + " " + token)
                .deliveries(List.of()).delivered(false).build());

        AlertsConfig digestOnly = new AlertsConfig(Optional.of(KIBANA), List.of(mail), List.of(), AlertsConfig.Spike.DEFAULTS, Map.of())
                .withDigest(new AlertsConfig.Digest(Optional.of(Duration.ofHours(24)), Optional.empty(), ZoneOffset.UTC, List.of(), 5));
        new AlertEngine(es.client(), digestOnly).evaluate(NOW);

        mails = Arrays.stream(greenMail.getReceivedMessages()).toList();
    }

    @AfterAll
    static void close() {
        if (es != null) {
            es.close();
        }
    }

    private static String plan(String target) {
        return "关于推进集成电路产业高质量发展的行动计划\n"
                + "为加快集成电路产业发展，提升产业链供应链韧性。\n"
                + "到2027年，关键核心技术自主可控率目标达到" + target + "，芯片设计能力显著提升。\n"
                + "各地工业和信息化主管部门要加强组织领导，确保各项任务按期完成。";
    }

    private static Item item(String title, String summary, String lang, SourceRef source, String topic, List<String> evidence,
                             Instant fetched) {
        String url = "https://news.example/" + UUID.randomUUID();
        return Item.builder().id(CanonicalUrl.documentId(url)).url(url).canonicalUrl(CanonicalUrl.canonicalize(url))
                .title(title).summary(summary).published(fetched).fetched(fetched).lang(lang).source(source)
                .topics(List.of(topic)).scores(Map.of(topic, 0.9)).evidence(Map.of(topic, evidence))
                .evidenceDetail(List.of()).entities(List.of()).signals(List.of()).build();
    }

    @Test
    void aWatchMailShowsEachMatchWithSourceNameDateSummaryTopicsAndEvidence() throws Exception {
        Rendered r = render(mail("Watch 'w-" + token), "watch");
        assertCommon(r, "radar-items");
        assertThat(r.text(".why")).contains("New matches for " + token);
        assertThat(r.dom.select(".item")).hasSize(2);
        Element en = item(r, "Nokia wins 5G");
        assertThat(en.select(".source").text()).isEqualTo("heise online");
        assertThat(en.select(".date").text()).isEqualTo("2047-03-10 22:00 UTC");
        assertThat(en.select(".summary").text()).contains("federal office reviews the deal");
        assertThat(en.select(".topic").text()).isEqualTo("5g: 5G, base station");
        assertThat(en.select("mark.evidence").eachText()).contains("5G", "base station", "base station");
        assertThat(en.select("a.item-link").attr("href")).isEqualTo(english.url());
        Element zh = item(r, "产业创新发展行动方案");
        assertThat(zh.attr("lang")).isEqualTo("zh");
        assertThat(zh.select(".source").text()).isEqualTo("中国政府网 State Council");
        assertThat(zh.select("mark.evidence").eachText()).contains("人工智能");
        assertChineseRendersAsGlyphs(r, "工业和信息化部发布");
    }

    @Test
    void aSpikeMailSaysHowFarAboveTheBaselineAndListsTheItems() throws Exception {
        Rendered r = render(mail("(usually 2.5) " + token), "spike");
        assertCommon(r, "radar-items");
        assertThat(r.text(".why")).contains("14 items from 6 sources").contains("baseline median 2.5").contains("robust z-score 7.9");
        Element en = item(r, "Nokia wins 5G");
        assertThat(en.select(".source").text()).isEqualTo("heise online");
        assertThat(en.select("mark.evidence").eachText()).contains("5G");
        assertThat(r.dom.select(".meta")).as("a spike spans sources: each item names its own").isEmpty();
    }

    @Test
    void aChangeMailShowsTheDiffBothVersionsDatesAndTheSignalThatMoved() throws Exception {
        Rendered r = render(mail("Changed: 关于推进集成电路产业高质量发展的行动计划 " + token), "change");
        assertCommon(r, "radar-versions");
        assertThat(r.text(".why")).contains("version 2 differs from version 1");
        assertThat(r.dom.select(".meta .source").text()).isEqualTo("MIIT policy documents");
        assertThat(r.text(".meta .date")).isEqualTo("2047-03-10 20:00 UTC");
        assertThat(r.text(".versions .previous-date")).isEqualTo("2047-03-08 00:00 UTC");
        assertThat(r.text(".versions .current-date")).isEqualTo("2047-03-10 20:00 UTC");
        assertThat(r.dom.select(".diff del").eachText()).anySatisfy(t -> assertThat(t).startsWith("60"));
        assertThat(r.dom.select(".diff ins").eachText()).anySatisfy(t -> assertThat(t).startsWith("70"));
        assertThat(r.dom.select(".signals .signal").eachText()).anySatisfy(s -> assertThat(s)
                .startsWith("Signal moved: self-reliance (Self-reliance and chokepoints)").contains("60% → 70% (raised)"));
        assertThat(r.dom.select(".signals .signal").eachText()).anySatisfy(s -> assertThat(s).startsWith("Signal moved: target"));
        assertThat(r.text(".summary")).contains("Changed figures: 60% → 70% (raised)");
        assertThat(r.dom.select("a.source-link").attr("href")).isEqualTo("https://www.miit.gov.cn/zwgk/zcwj/" + token + ".html");
        assertChineseRendersAsGlyphs(r, "关于推进集成电路产业高质量发展的行动计划");
    }

    @Test
    void aDigestCarriesItsTrendChartInlineAndTheTopItems() throws Exception {
        MimeMessage digest = mail("Digest 2047-03-10 00:00 – 2047-03-11 00:00 UTC");
        Rendered r = render(digest, "digest");
        assertCommon(r, "radar-items");
        assertThat(r.text(".summary")).contains("By topic:").contains("ai 1").contains("5g 1");
        assertThat(r.dom.select(".item")).isNotEmpty();
        assertThat(r.dom.select(".chart img").attr("src")).startsWith("file:");
        assertThat(r.plain).contains("Top items:");
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(r.chart));
        assertThat(chart.getWidth()).isEqualTo(TrendChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(TrendChart.HEIGHT);
        assertThat(distinctColours(chart)).as("a drawn chart, not a blank image").isGreaterThan(4);
        // the chart is in the screenshot: where the <img> is drawn, the screenshot has the chart's colours
        assertThat(distinctColours(ImageIO.read(r.screenshot.toFile()))).isGreaterThan(distinctColours(chart) / 2);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One received mail rendered by Chromium: its DOM, the screenshot, the plain part and the digest's chart. */
    private record Rendered(Document dom, Path screenshot, Path html, String plain, byte[] chart) {
        String text(String css) {
            return dom.select(css).text();
        }
    }

    private static MimeMessage mail(String subjectStart) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mails) {
            if (m.getSubject().contains(subjectStart) && (m.getSubject().contains(token) || bodyContains(m, token))) {
                found.add(m);
            }
        }
        assertThat(found).as("one mail whose subject starts with '" + subjectStart + "' among " + subjects()).hasSize(1);
        return found.get(0);
    }

    private static boolean bodyContains(MimeMessage m, String text) throws Exception {
        return parts(m).stream().anyMatch(p -> {
            try {
                return p.isMimeType("text/*") && ((String) p.getContent()).contains(text);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static List<String> subjects() {
        return mails.stream().map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                return "?";
            }
        }).toList();
    }

    private static List<Part> parts(Part p) throws Exception {
        List<Part> out = new ArrayList<>();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                out.addAll(parts(b));
            }
        } else {
            out.add(p);
        }
        return out;
    }

    /** Takes the HTML part, resolves {@code cid:} images to files as a mail client does, renders it in Chromium. */
    private static Rendered render(MimeMessage m, String name) throws Exception {
        String html = null;
        String plain = null;
        byte[] chart = null;
        for (Part p : parts(m)) {
            if (p.isMimeType("text/html")) {
                html = (String) p.getContent();
            } else if (p.isMimeType("text/plain")) {
                plain = (String) p.getContent();
            } else if (p.isMimeType("image/png")) {
                try (InputStream in = p.getInputStream()) {
                    chart = in.readAllBytes();
                }
                assertThat(((jakarta.mail.internet.MimeBodyPart) p).getContentID()).isEqualTo("<" + MailBody.CHART_CID + ">");
            }
        }
        assertThat(html).as(name + ": an HTML part").isNotNull();
        assertThat(plain).as(name + ": the plain-text part is kept").isNotBlank();
        if (chart != null) {
            Path png = Files.write(SHOTS.resolve(name + "-chart.png"), chart);
            html = html.replace("cid:" + MailBody.CHART_CID, png.toUri().toString());
        }
        Path file = Files.writeString(SHOTS.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        Path shot = chromium.screenshot(file, SHOTS.resolve(name + ".png"), 800, 1200);
        Document dom = Jsoup.parse(chromium.dumpDom(file));
        return new Rendered(dom, shot, file, plain, chart);
    }

    private static void assertCommon(Rendered r, String dataView) throws IOException {
        assertThat(r.text("h1.title")).as("title").isNotBlank();
        assertThat(r.text(".why")).as("why it fired").startsWith("Why you get this").hasSizeGreaterThan(30);
        String kibana = r.dom.select("a.kibana").attr("href");
        assertThat(kibana).startsWith(KIBANA + "/app/discover#/");
        assertThat(URLDecoder.decode(kibana, StandardCharsets.UTF_8)).contains("_a=(index:'" + dataView + "'");
        assertThat(r.text("a.kibana")).contains("data view " + dataView);
        assertThat(r.dom.select("script")).isEmpty();
        assertThat(distinctColours(ImageIO.read(r.screenshot.toFile()))).as("a rendered page, not a blank screenshot").isGreaterThan(8);
    }

    private static Element item(Rendered r, String titlePart) {
        return r.dom.select(".item").stream().filter(e -> e.select(".item-title").text().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no item '" + titlePart + "' in " + r.dom.select(".item-title").eachText()));
    }

    /**
     * The Chinese text is drawn with real glyphs, not tofu: with no CJK font every character is the same empty box,
     * so replacing the text by as many other characters leaves the screenshot unchanged; with a font it changes.
     */
    private static void assertChineseRendersAsGlyphs(Rendered r, String chinese) throws Exception {
        String other = "零一二三四五六七八九十百千万亿兆京垓秭穰沟涧正载极".substring(0, Math.min(chinese.length(), 24));
        String html = Files.readString(r.html, StandardCharsets.UTF_8);
        assertThat(html).contains(chinese);
        Path variant = Files.writeString(r.html.resolveSibling(r.html.getFileName() + ".variant.html"), html.replace(chinese, other),
                StandardCharsets.UTF_8);
        Path shot = chromium.screenshot(variant, r.html.resolveSibling(r.html.getFileName() + ".variant.png"), 800, 1200);
        long differing = differingPixels(ImageIO.read(r.screenshot.toFile()), ImageIO.read(shot.toFile()));
        assertThat(differing).as("Chinese characters drawn as glyphs (install fonts-wqy-zenhei if they are boxes)")
                .isGreaterThan(200);
    }

    @Test
    void theGlyphCheckSeesTofuWhenNoCjkFontIsThere() throws Exception {
        // the check above can fail: without CJK fonts both texts are rows of identical boxes, pixel for pixel
        Path html = Files.writeString(SHOTS.resolve("tofu.html"), "<!DOCTYPE html><html><body><h1>国务院印发新一代</h1></body></html>",
                StandardCharsets.UTF_8);
        Path variant = Files.writeString(SHOTS.resolve("tofu-variant.html"), "<!DOCTYPE html><html><body><h1>零一二三四五六七</h1></body></html>",
                StandardCharsets.UTF_8);
        HeadlessChromium noCjk = chromium.withoutCjkFonts();
        long tofu = differingPixels(ImageIO.read(noCjk.screenshot(html, SHOTS.resolve("tofu.png"), 400, 120).toFile()),
                ImageIO.read(noCjk.screenshot(variant, SHOTS.resolve("tofu-variant.png"), 400, 120).toFile()));
        assertThat(tofu).as("no CJK font: boxes only").isZero();
        long glyphs = differingPixels(ImageIO.read(chromium.screenshot(html, SHOTS.resolve("glyphs.png"), 400, 120).toFile()),
                ImageIO.read(chromium.screenshot(variant, SHOTS.resolve("glyphs-variant.png"), 400, 120).toFile()));
        assertThat(glyphs).as("with fonts-wqy-zenhei: real glyphs").isGreaterThan(200);
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xF0F0F0);
            }
        }
        return colours.size();
    }
}
