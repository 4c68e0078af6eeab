package org.policyradar.process.elasticsearch;

/** What is recorded about a started node: its launcher's pid, HTTP port and base URL, and when it started. */
public record NodeState(long pid, int port, String url, String started) {
}
