package org.policyradar.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *   <li>detection: UTF-8 if the bytes are strictly valid UTF-8, else GB18030 or Big5 by the share of common Chinese
 *       characters ({@link CjkCharsetDetector}), else windows-1252.</li>
 * </ol>
 * A declaration (3 or 4) is checked against the bytes: a declared UTF-8 that is not valid UTF-8 falls through to the
 * next step, and bytes that are valid multi-byte UTF-8 are read as UTF-8 whatever else they declare (servers and CMSs
 * that label UTF-8 pages gb2312 or ISO-8859-1 are common; the reverse coincidence is practically impossible).
 *
 * <p>Labels are widened to the superset browsers use: gb2312/gbk/cp936 decode as GB18030 (feeds declaring gb2312
 * routinely contain GBK-only characters such as 镕), big5 as Big5-HKSCS, ISO-8859-1/US-ASCII as windows-1252.
 * Finally, double-encoded UTF-8 ("ActualitÃ©s") is repaired ({@link MojibakeRepair}).
 */
public final class FeedDecoder {
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** How far into the bytes a misplaced prolog is still looked for. */
    private static final int PROLOG_SCAN_BYTES = 2048;

    private final CjkCharsetDetector cjk = new CjkCharsetDetector();
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
            Charset cs = normalise(charsetOverride);
            int skip = StandardCharsets.UTF_8.equals(cs) && hasUtf8Bom(bytes) ? 3 : 0;
            return new Choice(cs, "override", skip);
        }
        if (hasUtf8Bom(bytes)) {
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
        boolean validUtf8 = isValidUtf8(bytes);
        boolean ascii = isAscii(bytes);
        String head = new String(bytes, 0, Math.min(bytes.length, PROLOG_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher prolog = PROLOG_ENCODING.matcher(head);
        Choice declared = prolog.find() ? checked(normaliseOrNull(prolog.group(1)), "prolog", validUtf8, ascii) : null;
        if (declared == null && contentType != null) {
            Matcher header = HEADER_CHARSET.matcher(contentType);
            if (header.find()) {
                declared = checked(normaliseOrNull(header.group(1)), "header", validUtf8, ascii);
            }
        }
        if (declared != null) {
            return declared;
        }
        if (validUtf8) {
            return new Choice(StandardCharsets.UTF_8, ascii ? "default" : "detected", 0);
        }
        Charset guessed = cjk.detect(bytes);
        return guessed != null ? new Choice(guessed, "detected", 0) : new Choice(WINDOWS_1252, "detected", 0);
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

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The charset for a label, widened to the superset browsers use; unknown labels are an error. */
    static Charset normalise(String label) {
        Charset cs = normaliseOrNull(label);
        if (cs == null) {
            throw new IllegalArgumentException("unknown charset '" + label + "'");
        }
        return cs;
    }

    private static Charset normaliseOrNull(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312", "gb_2312-80",
                 "gb18030" -> {
                return CjkCharsetDetector.GB18030;
            }
            case "big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "big5-hkscs" -> {
                return CjkCharsetDetector.BIG5;
            }
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252" -> {
                return WINDOWS_1252;
            }
            case "utf8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(l);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }
}
