package org.policyradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;
import org.policyradar.testing.ServerAndElasticsearch;

/**
 * One poll of a feed with thousands of different entries (a first poll of an archive feed): every entry is indexed
 * once and nothing waits in the spool. The batch's near-duplicate keys (48 per item) far exceed what one Elasticsearch
 * {@code terms} query takes ({@code index.max_terms_count}, 65,536).
 */
class BigPollTest {
    @RegisterExtension
    static final ServerAndElasticsearch LOCAL = new ServerAndElasticsearch();

    @Test
    void threeThousandNewEntriesInOnePollAreAllIndexedOnce(@TempDir Path dir) throws Exception {
        int entries = 3_000;
        // The week already holds items (the feed's first 10 entries): the lookup then reaches the shards' terms query
        // (on an empty window Elasticsearch rewrites it away unread).
        LOCAL.server().serve("/archive.xml", LocalHttpServer.Resource.ok(feed("archive", 10, 16), "application/rss+xml"));
        configure(dir, "archive-wire", "/archive.xml");
        assertThat(CliHarness.run("run", "--once", "--config", dir.toString()).code()).isZero();
        LOCAL.server().serve("/archive.xml", LocalHttpServer.Resource.ok(feed("archive", entries, 16), "application/rss+xml"));

        CliHarness.Result run = CliHarness.run("run", "--once", "--wait-es", "5s", "--config", dir.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("archive-wire\\s+200\\s+3000\\s+2990\\s+0\\s+10\\s+0\\s+0");
        assertThat(count("archive-wire")).isEqualTo(entries);
        assertThat(pendingBatches(dir)).isZero();
    }

    /** RSS with {@code n} entries whose titles and summaries are different random word strings (distinct MinHash keys). */
    static byte[] feed(String host, int n, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                .append(host).append("</title>");
        for (int i = 0; i < n; i++) {
            sb.append("<item><title>").append(words(random, 8)).append("</title><link>http://").append(host)
                    .append(".example/n/").append(i).append("</link><description>").append(words(random, 20))
                    .append("</description><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String words(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < n; w++) {
            int letters = 3 + random.nextInt(6);
            for (int c = 0; c < letters; c++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(' ');
        }
        return sb.toString().trim();
    }

    private void configure(Path dir, String sourceId, String path) throws IOException {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: %s, name: Archive, region: EU, language: en, kind: feed, url: "%s", schedule: 1h}
                """.formatted(sourceId, LOCAL.server().uri(path)));
        Files.writeString(dir.resolve("radar.yaml"), "elasticsearch: {url: \"%s\"}\ndata_dir: \"%s\"\n"
                .formatted(TestElasticsearch.url(), dir.resolve("data")));
    }

    private static long count(String sourceId) throws IOException {
        LOCAL.es().client().indices().refresh(r -> r.index("radar-items"));
        return LOCAL.es().client().count(c -> c.index("radar-items").query(q -> q.term(t -> t.field("source.id").value(sourceId)))).count();
    }

    private static long pendingBatches(Path dir) throws IOException {
        try (var files = Files.list(dir.resolve("data/spool/pending"))) {
            return files.filter(p -> p.toString().endsWith(".batch")).count();
        }
    }
}
