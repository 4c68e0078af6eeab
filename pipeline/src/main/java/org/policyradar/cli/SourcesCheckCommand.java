package org.policyradar.cli;

import org.policyradar.app.Radar;
import org.policyradar.app.UserException;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.check.SourceCheck;
import org.policyradar.check.SourceChecker;
import org.policyradar.config.Region;
import org.policyradar.config.SourceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code radar sources check [ID…]}: fetch now and say what each listing yields, or why it yields nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fetch each source now (robots.txt and politeness respected, nothing stored) and show what its listing "
                + "yields: entries found, the first titles with dates and links; when it yields nothing, why (selectors stale "
                + "with candidate blocks, filled by script with the JSON endpoint named, bot challenge, moved, dead, not a "
                + "feed). Exit 3 when some source yields nothing.")
final class SourcesCheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Sources to check (default: all).")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() {
        try (Radar radar = options.open()) {
            List<SourceConfig> sources = selected(radar.config().sources());
            // Nothing is stored: validators are neither read nor kept, and no version of a page is written.
            SourceChecker checker = radar.sourceChecker();
            PrintWriter out = options.out();
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
                    "no source '" + id + "' in " + options.dir.resolve("sources.yaml") + "; `radar sources` lists them")));
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
