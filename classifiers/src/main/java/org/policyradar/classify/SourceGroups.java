package org.policyradar.classify;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The source of a gold item for grouped cross-validation: items of one source share wording, templates and topics,
 * so a source must never be on both sides of a fold split.
 *
 * <p>The dev set's {@code source} field is not a usable key by itself: the same publisher appears under many names
 * (one per archive commit it was collected from, e.g. 30 spellings of RTHK). The key is therefore the publisher's
 * registrable domain from the item's {@code link} ({@code news.rthk.hk} and {@code www.rthk.hk} are both
 * {@code rthk.hk}; {@code cn.chinadaily.com.cn} is {@code chinadaily.com.cn}), and for items without a link the
 * {@code source} name up to its first parenthesis (the archive description), lower-cased.
 */
public final class SourceGroups {

    /** Second-level labels under which a country-code domain registers names ({@code gov.cn}, {@code co.uk}). */
    private static final Set<String> SECOND_LEVEL = Set.of("com", "co", "gov", "org", "net", "ac", "edu");

    private SourceGroups() {
    }

    public static String of(GoldItem item) {
        String host = host(item.link());
        if (host != null) return registrableDomain(host);
        String source = item.source() == null ? "" : item.source();
        int paren = source.indexOf('(');
        String name = (paren > 0 ? source.substring(0, paren) : source).strip().toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "item:" + item.id() : "name:" + name;
    }

    static String registrableDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("www.")) h = h.substring(4);
        String[] labels = h.split("\\.");
        int n = labels.length;
        if (n <= 2) return String.join(".", labels);
        boolean countryCode = labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]);
        int keep = countryCode ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }

    private static String host(String link) {
        if (link == null || link.isBlank()) return null;
        try {
            String host = URI.create(link.strip().replace(" ", "%20")).getHost();
            return host == null || host.isBlank() ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
