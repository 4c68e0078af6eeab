package org.policyradar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.extract.Article;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.DensityArticleExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.HostThrottle;
import org.policyradar.fetch.HttpFetcher;
import org.policyradar.fetch.Validators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar extract FILE_OR_URL...}: the main text of article pages, one JSON line per input, in input order. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract title, main text, published date and language from HTML files or http(s) URLs; prints one "
                + "JSON line per input (input, title, text, published, lang) in input order.",
                "An input that fails prints {\"input\": ..., \"error\": reason}; the exit code is then 1."})
final class ExtractCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    ExtractCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_URL")
    List<String> inputs;

    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL for relative links in files.")
    String baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        HtmlDecoder decoder = new HtmlDecoder();
        ArticleExtractor extractor = new DensityArticleExtractor();
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Limits.defaults(), environment.clock(), HostThrottle.none());
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (String input : inputs) {
            ObjectNode line = json.createObjectNode().put("input", input);
            try {
                String html;
                String base;
                if (input.startsWith("http://") || input.startsWith("https://")) {
                    FetchResult r = fetcher.fetch("extract", URI.create(input), Validators.NONE);
                    html = decoder.decode(r.body(), r.contentType(), null);
                    base = r.finalUri().toString();
                } else {
                    html = decoder.decode(Files.readAllBytes(Path.of(input)), null, null);
                    base = baseUrl != null ? baseUrl : Path.of(input).toAbsolutePath().toUri().toString();
                }
                Article a = extractor.extract(html, base);
                line.put("title", a.title()).put("text", a.text())
                        .put("published", a.published() == null ? null : a.published().toString()).put("lang", a.lang());
            } catch (NoSuchFileException e) {
                failed++;
                line.put("error", "no such file: " + e.getFile());
            } catch (IOException | FetchException | IllegalArgumentException e) {
                failed++;
                line.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
            }
            try {
                out.println(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
