package org.policyradar.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.policyradar.config.ConfigException;
import org.policyradar.config.ElasticsearchSettings;
import org.policyradar.config.ElasticsearchUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the Elasticsearch client: the configured cluster (basic auth, API key, https with a CA file), or else the
 * embedded default's URL, which its supplier starts the node for when it is not running (the process itself is
 * managed in {@code org.policyradar.process.elasticsearch}, not here).
 */
public final class ElasticsearchConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchConnection.class);

    private final ElasticsearchClient client;
    private final String url;

    private ElasticsearchConnection(ElasticsearchClient client, String url) {
        this.client = client;
        this.url = url;
    }

    /** @param embeddedUrl the embedded default's base URL, asked only when no cluster is configured */
    public static ElasticsearchConnection open(ElasticsearchSettings settings, Supplier<String> embeddedUrl) {
        String url = settings.url().orElseGet(embeddedUrl);
        // Every node of a cluster: the client spreads requests over them and retries one that fails on the next.
        List<URI> hosts = ElasticsearchUrls.parse(url, "elasticsearch.url");
        LOG.info("event=es_connect url={} nodes={} auth={}", url, hosts.size(), settings.apiKey().isPresent() ? "api_key"
                : settings.username().isPresent() ? "basic" : "none");
        return new ElasticsearchConnection(ElasticsearchClient.of(b -> {
            b.hosts(hosts).jsonMapper(new JacksonJsonpMapper(objectMapper()));
            settings.apiKey().ifPresent(b::apiKey);
            if (settings.username().isPresent()) {
                b.usernameAndPassword(settings.username().get(), settings.password().orElseThrow());
            }
            settings.caFile().ifPresent(ca -> b.sslContext(sslContext(ca)));
            return b;
        }), url);
    }

    /** The mapper used for documents: ISO-8601 dates, records as JSON objects. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static SSLContext sslContext(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new ConfigException("elasticsearch.ca_file " + caFile + ": no PEM certificate found in it");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("elasticsearch.ca_file " + caFile + ": cannot load it as a PEM CA certificate: " + e.getMessage(), e);
        }
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("event=es_close_failed reason=\"{}\"", e.getMessage());
        }
    }
}
