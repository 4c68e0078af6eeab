package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;
import org.policyradar.app.IngestionPipeline;

import java.io.PrintWriter;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.change.ChangeTracker;
import org.policyradar.check.SourceCheck;
import org.policyradar.check.SourceChecker;
import org.policyradar.config.Region;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.ListingParser;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.Validators;
import org.policyradar.listing.ListingDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar sources check [ID…]}: fetch now and say what each listing yields, or why it yields nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fetch each source now (robots.txt and politeness respected, nothing stored) and show what its listing "
                + "yields: entries found, the first titles with dates and links; when it yields nothing, why (selectors stale "
                + "with candidate blocks, filled by script with the JSON endpoint named, bot challenge, moved, dead, not a "
                + "feed). Exit 3 when some source yields nothing.")
final class SourcesCheckCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    SourcesCheckCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Mixin
    ConfigOption config;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Sources to check (default: all).")
    List<String> ids = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Radar services = new Radar(config.dir, environment)) {
            List<SourceConfig> sources = selected(services.config().sources());
            // Nothing is stored: validators are neither read nor kept, and no version of a page is written.
            FetchStateStore nothingStored = new FetchStateStore() {
                @Override
                public Validators get(String sourceId, URI uri) {
                    return Validators.NONE;
                }

                @Override
                public void put(String sourceId, URI uri, Validators validators) {
                }
            };
            SourceChecker checker = new SourceChecker(IngestionPipeline.readers(services, IngestionPipeline.fetcher(services),
                    nothingStored, ChangeTracker.NONE), new HtmlDecoder(), new ListingDetector(new ListingParser()));
            PrintWriter out = spec.commandLine().getOut();
            int silent = 0;
            for (SourceConfig source : sources) {
                SourceCheck check = checker.check(source);
                print(out, check, source.region() == Region.CN ? ZoneId.of("Asia/Shanghai") : ZoneOffset.UTC);
                out.flush();
                silent += check.yields() ? 0 : 1;
            }
            out.printf("%d of %d source(s) yield entries%n", sources.size() - silent, sources.size());
            out.flush();
            return silent == 0 ? 0 : 3;
        }
    }

    private List<SourceConfig> selected(List<SourceConfig> all) {
        if (ids.isEmpty()) {
            return all;
        }
        List<SourceConfig> out = new ArrayList<>();
        for (String id : ids) {
            out.add(all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new UserException(
                    "no source '" + id + "' in " + config.dir.resolve("sources.yaml") + "; `radar sources` lists them")));
        }
        return out;
    }

    private static void print(PrintWriter out, SourceCheck c, ZoneId zone) {
        out.printf("%s  %s  %s  HTTP %d  %d %s  %s%n", c.sourceId(), c.kind(), c.verdict().id().toUpperCase(java.util.Locale.ROOT),
                c.status(), c.entries(), c.entries() == 1 ? "entry" : "entries", c.url());
        out.println("  " + c.why());
        for (SourceCheck.Entry e : c.found()) {
            out.printf("  - %s  %s  %s%n", e.published() == null ? "(no date) " : e.published().atZone(zone).toLocalDate(), e.title(), e.url());
        }
        c.hints().forEach(h -> out.println("  " + h));
    }
}
