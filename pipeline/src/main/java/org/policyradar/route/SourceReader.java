package org.policyradar.route;

import org.policyradar.config.SourceConfig;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.Validators;
import org.policyradar.parse.FeedParseException;

/**
 * Reads one kind of source ({@code feed}, {@code html}, {@code json}): fetches the source's own URL, then turns what
 * came back into raw items. Registered by kind in {@link SourceReaders}; the poll route never asks which kind it has.
 */
public interface SourceReader {

    /** Fetches the source's URL; {@code stored} are the validators of its last stored fetch (a reader may ignore them). */
    FetchResult fetch(SourceConfig source, Validators stored) throws FetchException;

    /** The entries of a fetched response (never a 304), with the pages they led to when the source follows links. */
    SourceRead read(SourceConfig source, FetchResult fetched) throws FeedParseException;
}
