package org.policyradar.extract;

import java.util.Optional;

/** Reads the text of a followed link that is a document rather than an HTML page (a PDF attachment). */
public interface DocumentExtractor {
    /** The content type the body is read as (e.g. {@code application/pdf}), or empty when this is not such a document. */
    Optional<String> documentType(byte[] body, String declaredContentType);

    /**
     * The document's text as an article (title and date left to the listing when the document has none worth using).
     *
     * @throws UnreadableDocumentException naming the kind and the reason: damaged, encrypted, too large, too slow
     */
    Article extract(byte[] body, String declaredContentType) throws UnreadableDocumentException;

    /** A document that was recognised but cannot be read within the limits; the message says what and why. */
    final class UnreadableDocumentException extends Exception {
        public UnreadableDocumentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
