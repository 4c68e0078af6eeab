package org.policyradar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.app.Extraction;
import org.policyradar.app.Radar;
import org.policyradar.extract.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code radar extract FILE_OR_URL...}: the main text of article pages, one JSON line per input, in input order. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract title, main text, published date and language from HTML files or http(s) URLs; prints one "
                + "JSON line per input (input, title, text, published, lang) in input order. URLs are fetched as a poll "
                + "fetches a linked page: robots.txt, per-host politeness, no redirect to another host.",
                "An input that fails prints {\"input\": ..., \"error\": reason}; the exit code is then 1."})
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_URL")
    List<String> inputs;

    @Option(names = "--base-url", paramLabel = "URL", description = "Base URL for relative links in files.")
    String baseUrl;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = options.out();
        int failed = 0;
        try (Radar radar = options.open()) {
            Extraction extraction = radar.extraction();
            for (String input : inputs) {
                ObjectNode line = json.createObjectNode().put("input", input);
                Extraction.Extracted e = extraction.extract(input, baseUrl);
                if (e.error() != null) {
                    failed++;
                    line.put("error", e.error());
                } else {
                    Article a = e.article();
                    line.put("title", a.title()).put("text", a.text())
                            .put("published", a.published() == null ? null : a.published().toString()).put("lang", a.lang());
                }
                try {
                    out.println(json.writeValueAsString(line));
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
