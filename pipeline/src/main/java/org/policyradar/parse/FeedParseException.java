package org.policyradar.parse;

/** A feed could not be parsed; the message names the source and the reason. */
public final class FeedParseException extends Exception {
    private final String sourceId;

    public FeedParseException(String sourceId, String reason, Throwable cause) {
        super("source=" + sourceId + " reason=\"" + reason + "\"", cause);
        this.sourceId = sourceId;
    }

    public String sourceId() {
        return sourceId;
    }
}
