package org.policyradar.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of a cluster as configured: one base URL, or several separated by commas ({@code RADAR_ES_URL} /
 * {@code elasticsearch.url}). The client spreads requests over all of them and skips a dead one, so a node can die
 * without the pipeline losing its way in.
 */
public final class ElasticsearchUrls {
    private static final String EXAMPLE = "use e.g. https://es.example.org:9200, or a list http://node1:9200,http://node2:9200";

    private ElasticsearchUrls() {
    }

    /**
     * @param where what to name in the error: {@code RADAR_ES_URL} or {@code FILE: key 'elasticsearch.url'}
     * @throws ConfigException naming {@code where}, the entry, its position and the fix
     */
    public static List<URI> parse(String text, String where) {
        String[] entries = text.split(",", -1);
        List<URI> hosts = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String position = entries.length > 1 ? "entry " + (i + 1) + " " : "";
            if (entry.isEmpty()) {
                throw new ConfigException(where + ": '" + text + "': " + position + "is empty; " + EXAMPLE);
            }
            URI uri = uri(entry, where, position);
            for (int j = 0; j < hosts.size(); j++) {
                if (!hosts.get(j).getScheme().equals(uri.getScheme())) {
                    throw new ConfigException(where + ": '" + text + "': " + position + "'" + entry + "' is " + uri.getScheme()
                            + " but entry " + (j + 1) + " is " + hosts.get(j).getScheme() + "; the nodes of one cluster use one scheme");
                }
                if (sameNode(hosts.get(j), uri)) {
                    throw new ConfigException(where + ": '" + text + "': " + position + "'" + entry + "' repeats entry " + (j + 1));
                }
            }
            hosts.add(uri);
        }
        return List.copyOf(hosts);
    }

    private static URI uri(String entry, String where, String position) {
        try {
            URI uri = new URI(entry);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(entry, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ": " + position + "'" + entry + "' is not a valid URL (" + e.getReason() + "); " + EXAMPLE);
        }
    }

    private static boolean sameNode(URI a, URI b) {
        return a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b) && path(a).equals(path(b));
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static String path(URI u) {
        return u.getPath() == null ? "" : u.getPath().replaceFirst("/$", "");
    }
}
