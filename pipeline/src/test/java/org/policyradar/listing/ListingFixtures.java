package org.policyradar.listing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.policyradar.extract.ListingEntry;

/**
 * The listing pages we wrote in the shapes of real government and EU listing pages ({@code src/test/resources/listing}),
 * each with the entries its listing holds in {@code NAME.expected.tsv} (first line: the page's URL).
 */
public final class ListingFixtures {
    /** Every fixture: gov.cn, MIIT, NDRC, CAC, ENISA, European Commission, BSI shapes. */
    public static final List<String> NAMES = List.of("govcn-zuixin", "miit-tz-table", "ndrc-tz", "cac-zcfg-yearless",
            "enisa-news", "ec-presscorner", "bsi-presse");
    /**
     * Written after the detector's rules were settled on {@link #NAMES}, and measured once before anything was changed
     * for them (MOFCOM, European Parliament, CNIL and SAMR shapes): the figures the README reports as not tuned on.
     */
    public static final List<String> WRITTEN_AFTER = List.of("mofcom-export-control", "europarl-press", "cnil-actualites",
            "samr-old-tables");
    /** The day the fixtures are read on (year-less dates are placed on or before it). */
    public static final LocalDate READ_ON = LocalDate.of(2026, 12, 2);

    /** An expected entry: date null when the listing shows none. */
    public record Expected(String title, String url, LocalDate date) {
    }

    public record Fixture(String name, String baseUrl, String html, List<Expected> expected) {
    }

    private ListingFixtures() {
    }

    public static Fixture load(String name) {
        String html = resource("/listing/" + name + ".html");
        List<Expected> expected = new ArrayList<>();
        String base = null;
        for (String line : resource("/listing/" + name + ".expected.tsv").split("\n")) {
            String[] f = line.split("\t");
            if (line.startsWith("# base\t")) {
                base = f[1].strip();
            } else if (!line.startsWith("#") && !line.isBlank()) {
                expected.add(new Expected(f[0], f[1], f[2].equals("-") ? null : LocalDate.parse(f[2], DateTimeFormatter.ofPattern("y-M-d"))));
            }
        }
        return new Fixture(name, base, html, List.copyOf(expected));
    }

    /** The entry as expected, to compare with what a reader found (dates as days in {@code zone}). */
    public static Expected asExpected(ListingEntry e, java.time.ZoneId zone) {
        return new Expected(e.title(), e.url(), e.published() == null ? null : LocalDate.ofInstant(e.published(), zone));
    }

    private static String resource(String path) {
        try (InputStream in = ListingFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + path + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
