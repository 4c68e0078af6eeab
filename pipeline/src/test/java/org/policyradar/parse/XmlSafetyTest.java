package org.policyradar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XML (our own fixtures in src/test/resources/feeds): entity expansion bombs and external entities must be
 * refused or neutralised, fast, and nothing outside the document may be read or contacted.
 */
class XmlSafetyTest {
    private static final Instant FETCHED = Instant.parse("2026-03-01T00:00:00Z");
    private final RomeFeedParser parser = new RomeFeedParser(new FeedDecoder());
    private HttpServer exfil;
    private final AtomicInteger exfilHits = new AtomicInteger();

    @BeforeEach
    void startExfiltrationServer() throws IOException {
        exfil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exfil.createContext("/", ex -> {
            exfilHits.incrementAndGet();
            byte[] body = "<!ENTITY leaked 'LEAKED'>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        exfil.start();
    }

    @AfterEach
    void stop() {
        exfil.stop(0);
    }

    private String exfilUri() {
        return "http://127.0.0.1:" + exfil.getAddress().getPort();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = XmlSafetyTest.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void billionLaughsIsNeutralisedQuickly() throws Exception {
        byte[] bomb = fixture("billion_laughs.xml").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ParsedFeed feed = parser.parse("bomb", bomb, null, null, URI.create("https://attacker.test/feed"), FETCHED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(feed.entries()).hasSize(1);
        FeedEntry entry = feed.entries().get(0);
        // the entity stays an unexpanded literal: no "lol" multiplied anywhere
        assertThat(entry.title()).isEqualTo("Laughing &lol9;");
        assertThat(entry.summary()).doesNotContain("lollol");
        assertThat(entry.summary().length()).isLessThan(100);
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        String xml = fixture("xxe_template.xml")
                .replace("SECRET_FILE_URI", secret.toUri().toString())
                .replace("EXFIL_URI", exfilUri());
        ParsedFeed feed = parser.parse("xxe", xml.getBytes(StandardCharsets.UTF_8), null, null,
                URI.create("https://attacker.test/feed"), FETCHED);
        assertThat(feed.entries()).hasSize(1);
        FeedEntry entry = feed.entries().get(0);
        assertThat(entry.title()).isEqualTo("Secret: &secret;").doesNotContain("TOP-SECRET");
        assertThat(entry.summary()).doesNotContain("LEAKED");
        assertThat(exfilHits.get()).as("requests to the external entity server").isZero();
    }

    @Test
    void aNetscapeStyleExternalDtdIsNotFetchedAndItsHtmlEntitiesStillWork() throws Exception {
        String xml = fixture("external_dtd.xml").replace("EXFIL_URI", exfilUri());
        ParsedFeed feed = parser.parse("dtd", xml.getBytes(StandardCharsets.ISO_8859_1), null, null,
                URI.create("https://example.test/feed"), FETCHED);
        assertThat(exfilHits.get()).isZero();
        assertThat(feed.title()).isEqualTo("Café news & more");
        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Entrée libre © 2026");
            assertThat(e.link()).isEqualTo("https://example.test/a?x=1&y=2");
            assertThat(e.lang()).isEqualTo("fr");
        });
        assertThat(feed.repairs()).contains("entities");
    }

    @Test
    void theStrictReaderRefusesAnyDoctypeThatGetsThroughOnItsOwn() throws Exception {
        String xml = fixture("billion_laughs.xml").replaceFirst("<\\?xml[^>]*>", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecureXmlReader().read(xml))
                .isInstanceOf(org.jdom2.JDOMException.class).hasMessageContaining("DOCTYPE");
    }
}
