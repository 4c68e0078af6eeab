package org.policyradar.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.change.ChangeSummary;
import org.policyradar.change.ChangeTracker;
import org.policyradar.change.IgnoreRules;
import org.policyradar.change.VersionStore;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.config.ListingSelectors;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.extract.DensityArticleExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.PdfDocumentExtractor;
import org.policyradar.listing.ListingResolver;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FileFetchStateStore;
import org.policyradar.fetch.HostThrottle;
import org.policyradar.fetch.HttpFetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.fetch.Validators;
import org.policyradar.index.ElasticsearchConnection;
import org.policyradar.taxonomy.TaxonomyLoader;
import org.policyradar.testing.LocalHttpServer;
import org.policyradar.testing.TestElasticsearch;

/** A tracked page whose version cannot be stored keeps its old validators, so it is compared again next time. */
class TrackedPagesTest {
    @TempDir
    Path dir;

    private SourceRead read(LocalHttpServer server, String esUrl) throws Exception {
        server.serve("/l/index.html", LocalHttpServer.Resource.withEtag(
                "<html><body><ul class=\"list\"><li><a href=\"p.html\">Plan</a></li></ul></body></html>".getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8", "\"l1\""));
        server.serve("/l/p.html", LocalHttpServer.Resource.withEtag(("<html><body><div id=\"TRS_Editor\"><p>The 5G plan sets a target "
                + "of 38 base stations per 10,000 people by 2027, and every province reports on it each year.</p></div></body></html>")
                .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", "\"p1\""));
        SourceConfig source = new SourceConfig("tracked-" + System.nanoTime(), "Tracked", Region.CN, "en", SourceKind.HTML,
                server.uri("/l/index.html"), Schedule.parse("1h").orElseThrow(), Optional.empty(), true,
                Optional.of(new ListingSelectors("ul.list li", "a", "a", null)), true, List.of(), "");
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Limits.defaults(), Clock.systemUTC(), HostThrottle.none());
        try (ElasticsearchConnection es = ElasticsearchConnection.open(ElasticsearchSettings.at(esUrl), null)) {
            HtmlSourceReader reader = new HtmlSourceReader(fetcher, new FileFetchStateStore(dir.resolve("state-" + System.nanoTime() + ".json")),
                    LinkPolicy.system(), new HtmlDecoder(), ListingResolver.standard(), new DensityArticleExtractor(),
                    new org.policyradar.extract.PageContentCheck(), new ChangeTracker(new VersionStore(es.client()), new ChangeSummary(TaxonomyLoader.loadDefault()), IgnoreRules.NONE),
                    new PdfDocumentExtractor(PdfDocumentExtractor.Limits.defaults(), Clock.systemUTC()));
            FetchResult listing = reader.fetch(source, new Validators("\"l1\"", null));
            assertThat(listing.status()).as("a tracked listing is fetched in full").isEqualTo(200);
            return reader.read(source, listing);
        }
    }

    @Test
    void aVersionThatCannotBeStoredKeepsThePagesOldValidators() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (LocalHttpServer server = new LocalHttpServer()) {
            SourceRead down = read(server, "http://127.0.0.1:" + closedPort);
            assertThat(down.items()).hasSize(1); // the item itself still goes on to the spool
            assertThat(down.validators()).isEmpty();

            SourceRead up = read(server, TestElasticsearch.url());
            assertThat(up.items()).hasSize(1);
            assertThat(up.validators()).hasSize(1);
        }
    }
}
