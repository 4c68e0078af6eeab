package org.policyradar.parse;

import java.net.URI;
import java.time.Instant;

/** Turns the bytes of a fetched feed into entries. */
public interface FeedParser {

    /**
     * @param contentType     the HTTP Content-Type, or null
     * @param charsetOverride the source's configured charset, winning over every declaration, or null
     * @param base            the URI the feed was fetched from; relative links resolve against it
     * @param fetched         when it was fetched: the date of entries that have none
     */
    ParsedFeed parse(String sourceId, byte[] body, String contentType, String charsetOverride, URI base, Instant fetched)
            throws FeedParseException;
}
