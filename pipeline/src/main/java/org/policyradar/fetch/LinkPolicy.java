package org.policyradar.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which links found in a source's feed or listing may be fetched (SSRF guard): only http(s), only the source's own
 * host or a host the source explicitly allows, and never loopback, link-local (169.254.0.0/16, cloud metadata),
 * private or other non-public addresses — unless the source itself points at such an address (local tests, an
 * intranet source), in which case links to that same host are allowed. Redirects are checked with the same rule.
 */
public final class LinkPolicy {

    /** Resolves a host name; injected so tests need no DNS. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    public LinkPolicy(Resolver resolver) {
        this.resolver = resolver;
    }

    public static LinkPolicy system() {
        return new LinkPolicy(InetAddress::getAllByName);
    }

    /** Why {@code link} must not be fetched for a source at {@code sourceUrl}, or empty when it may be. */
    public Optional<String> refusal(URI sourceUrl, List<String> allowHosts, URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme '" + scheme + "' is not http(s)");
        }
        String host = link.getHost() == null ? null : link.getHost().toLowerCase(Locale.ROOT);
        if (host == null) {
            return Optional.of("no host");
        }
        String sourceHost = sourceUrl.getHost() == null ? "" : sourceUrl.getHost().toLowerCase(Locale.ROOT);
        boolean sameHost = host.equals(sourceHost);
        if (!sameHost && !allowHosts.contains(host)) {
            return Optional.of("host '" + host + "' is neither the source's host '" + sourceHost + "' nor in its allow_hosts");
        }
        if (sameHost && !isPublic(sourceHost)) {
            return Optional.empty(); // the operator pointed the source at a local address on purpose
        }
        return isPublic(host) ? Optional.empty()
                : Optional.of("host '" + host + "' resolves to a loopback, link-local or private address");
    }

    private boolean isPublic(String host) {
        try {
            for (InetAddress a : resolver.resolve(host)) {
                if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || isUniqueLocalV6(a) || isCarrierGradeNat(a)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false; // unresolvable: nothing to fetch, and no way to prove it is public
        }
    }

    private static boolean isUniqueLocalV6(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xFE) == 0xFC;
    }

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
    }
}
