package org.policyradar.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.charset.CharsetGuesser;
import org.policyradar.charset.Charsets;

/**
 * Bytes to text, before any XML parser sees them, so that no parser ever guesses an encoding.
 *
 * <p>Order of precedence, first match wins:
 * <ol>
 *   <li>the per-source {@code charset} override from the configuration: the operator knows better than the server;</li>
 *   <li>a byte-order mark (UTF-8, UTF-16BE/LE): it cannot be there by accident;</li>
 *   <li>the XML prolog's {@code encoding} (also when the prolog is not at the very start, as in feeds with a stray
 *       newline or comment before it): written by the program that produced the bytes;</li>
 *   <li>the HTTP {@code Content-Type} charset: often a server default that knows nothing about the file;</li>
 *   <li>detection ({@link CharsetGuesser}, shared with the page decoder): UTF-8 if the bytes are strictly valid
 *       UTF-8, else ICU4J's detector with our GB18030/Big5 rule.</li>
 * </ol>
 * A declaration (3 or 4) is checked against the bytes: a declared UTF-8 that is not valid UTF-8 falls through to the
 * next step, and bytes that are valid multi-byte UTF-8 are read as UTF-8 whatever else they declare (servers and CMSs
 * that label UTF-8 pages gb2312 or ISO-8859-1 are common; the reverse coincidence is practically impossible).
 *
 * <p>Labels are widened to the superset browsers use ({@link Charsets#forLabel}). Finally, double-encoded UTF-8
 * ("ActualitÃ©s") is repaired ({@link MojibakeRepair}).
 */
public final class FeedDecoder {
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    /** How far into the bytes a misplaced prolog is still looked for. */
    private static final int PROLOG_SCAN_BYTES = 2048;

    private final CharsetGuesser guesser = new CharsetGuesser();
    private final MojibakeRepair mojibake = new MojibakeRepair();

    /**
     * The decoded text and how it was decoded.
     *
     * @param charsetSource    which rule chose the charset: override, bom, prolog, header, detected, default
     * @param mojibakeRepaired whether double-encoded UTF-8 was repaired
     */
    public record Decoded(String text, Charset charset, String charsetSource, boolean mojibakeRepaired) {
        public Decoded(String text, Charset charset) {
            this(text, charset, "unknown", false);
        }
    }

    /**
     * @param contentType     the HTTP Content-Type header, or null
     * @param charsetOverride the source's configured charset, or null
     * @throws IllegalArgumentException when the override names no charset this JVM knows
     */
    public Decoded decode(byte[] bytes, String contentType, String charsetOverride) {
        Choice choice = choose(bytes, contentType, charsetOverride);
        String text = new String(bytes, choice.skip(), bytes.length - choice.skip(), choice.charset());
        String repaired = mojibake.repair(text);
        return new Decoded(repaired, choice.charset(), choice.source(), repaired != text);
    }

    private record Choice(Charset charset, String source, int skip) {
    }

    private Choice choose(byte[] bytes, String contentType, String charsetOverride) {
        if (charsetOverride != null && !charsetOverride.isBlank()) {
            Charset cs = Charsets.forLabelStrict(charsetOverride);
            int skip = StandardCharsets.UTF_8.equals(cs) && Charsets.hasUtf8Bom(bytes) ? 3 : 0;
            return new Choice(cs, "override", skip);
        }
        if (Charsets.hasUtf8Bom(bytes)) {
            return new Choice(StandardCharsets.UTF_8, "bom", 3);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Choice(StandardCharsets.UTF_16BE, "bom", 2);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Choice(StandardCharsets.UTF_16LE, "bom", 2);
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] == '?') {
            return new Choice(StandardCharsets.UTF_16BE, "detected", 0);
        }
        if (bytes.length >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] == '?' && bytes[3] == 0) {
            return new Choice(StandardCharsets.UTF_16LE, "detected", 0);
        }
        boolean validUtf8 = Charsets.isValidUtf8(bytes);
        boolean ascii = Charsets.isAscii(bytes);
        String head = new String(bytes, 0, Math.min(bytes.length, PROLOG_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher prolog = PROLOG_ENCODING.matcher(head);
        Choice declared = prolog.find() ? checked(Charsets.forLabel(prolog.group(1)), "prolog", validUtf8, ascii) : null;
        if (declared == null && contentType != null) {
            Matcher header = HEADER_CHARSET.matcher(contentType);
            if (header.find()) {
                declared = checked(Charsets.forLabel(header.group(1)), "header", validUtf8, ascii);
            }
        }
        if (declared != null) {
            return declared;
        }
        if (validUtf8) {
            return new Choice(StandardCharsets.UTF_8, ascii ? "default" : "detected", 0);
        }
        return new Choice(guesser.guess(bytes), "detected", 0);
    }

    /** A declared charset, unless the bytes contradict it; null sends the caller to the next rule. */
    private static Choice checked(Charset declared, String source, boolean validUtf8, boolean ascii) {
        if (declared == null) {
            return null;
        }
        if (StandardCharsets.UTF_8.equals(declared)) {
            return validUtf8 ? new Choice(declared, source, 0) : null;
        }
        if (validUtf8 && !ascii && asciiCompatible(declared)) {
            return new Choice(StandardCharsets.UTF_8, "detected", 0);
        }
        return new Choice(declared, source, 0);
    }

    private static boolean asciiCompatible(Charset cs) {
        return !cs.name().startsWith("UTF-16") && !cs.name().startsWith("UTF-32");
    }
}
