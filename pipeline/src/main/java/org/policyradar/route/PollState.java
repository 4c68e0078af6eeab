package org.policyradar.route;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.policyradar.config.SourceConfig;
import org.policyradar.fetch.FetchResult;

/**
 * What the steps of one poll hand each other (the exchange's body changes from step to step; this stays): the source,
 * when the poll started, the fetch, the read, the entry hashes to remember once stored, and how many entries were
 * skipped as unchanged. Written by the poll's own steps one after the other, never concurrently.
 */
final class PollState {
    private static final String PROPERTY = "radarPoll";

    private final SourceConfig source;
    private final Instant started;
    private FetchResult fetched;
    private SourceRead read = SourceRead.of(java.util.List.of());
    private Map<String, String> entryHashes = Map.of();
    private int unchanged;

    private PollState(SourceConfig source, Instant started) {
        this.source = source;
        this.started = started;
    }

    static PollState start(Exchange exchange, SourceConfig source, Instant started) {
        PollState state = new PollState(source, started);
        exchange.setProperty(PROPERTY, state);
        return state;
    }

    /** The poll's state, or null when the poll failed before it started (unknown source). */
    static PollState of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, PollState.class);
    }

    SourceConfig source() {
        return source;
    }

    Instant started() {
        return started;
    }

    FetchResult fetched() {
        return fetched;
    }

    void fetched(FetchResult result) {
        this.fetched = result;
    }

    SourceRead read() {
        return read;
    }

    void read(SourceRead result) {
        this.read = result;
    }

    Map<String, String> entryHashes() {
        return new LinkedHashMap<>(entryHashes);
    }

    int unchanged() {
        return unchanged;
    }

    void compared(Map<String, String> hashes, int unchangedEntries) {
        this.entryHashes = Map.copyOf(hashes);
        this.unchanged = unchangedEntries;
    }
}
