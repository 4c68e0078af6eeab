package org.policyradar.process;

/**
 * What is recorded about a started server in its {@code state.json}: its launcher's pid, port and URL (Elasticsearch:
 * the base URL; PostgreSQL: the JDBC URL of the {@code radar} database), and when it started.
 */
public record ServerState(long pid, int port, String url, String started) {
}
