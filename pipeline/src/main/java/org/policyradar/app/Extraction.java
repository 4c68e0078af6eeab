package org.policyradar.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.policyradar.extract.Article;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.fetch.Validators;

/**
 * Main-text extraction on its own ({@code radar extract}): a file, or a URL fetched as a poll fetches a linked page —
 * through the pipeline's fetcher (per-host politeness, retries), under robots.txt, and refusing a redirect to a host
 * the link policy would refuse for a source at that URL.
 */
public final class Extraction {
    /** The article, or why there is none. */
    public record Extracted(Article article, String error) {
    }

    private static final String SOURCE_ID = "extract";

    private final Supplier<Fetcher> fetcher;
    private final LinkPolicy links;
    private final HtmlDecoder decoder;
    private final ArticleExtractor extractor;

    /** {@code fetcher} is asked for only when a URL is given: extracting files needs no configuration. */
    Extraction(Supplier<Fetcher> fetcher, LinkPolicy links, HtmlDecoder decoder, ArticleExtractor extractor) {
        this.fetcher = fetcher;
        this.links = links;
        this.decoder = decoder;
        this.extractor = extractor;
    }

    /** {@code input}: an http(s) URL or a file; {@code baseUrl} (may be null) resolves a file's relative links. */
    public Extracted extract(String input, String baseUrl) {
        try {
            String html;
            String base;
            if (input.startsWith("http://") || input.startsWith("https://")) {
                URI uri = URI.create(input);
                FetchResult r = fetcher.get().fetch(SOURCE_ID, uri, Validators.NONE);
                Optional<String> refusal = r.finalUri().equals(uri) ? Optional.empty() : links.refusal(uri, List.of(), r.finalUri());
                if (refusal.isPresent()) {
                    return new Extracted(null, "redirected to " + r.finalUri() + ", which may not be fetched: " + refusal.get());
                }
                html = decoder.decode(r.body(), r.contentType(), null);
                base = r.finalUri().toString();
            } else {
                html = decoder.decode(Files.readAllBytes(Path.of(input)), null, null);
                base = baseUrl != null ? baseUrl : Path.of(input).toAbsolutePath().toUri().toString();
            }
            return new Extracted(extractor.extract(html, base), null);
        } catch (NoSuchFileException e) {
            return new Extracted(null, "no such file: " + e.getFile());
        } catch (IOException | FetchException | IllegalArgumentException e) {
            return new Extracted(null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
