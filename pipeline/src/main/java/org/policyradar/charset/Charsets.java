package org.policyradar.charset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Charset labels and byte checks shared by the feed and the page decoders. Labels are widened to the superset
 * browsers use (WHATWG Encoding): gb2312/gbk/cp936 decode as GB18030 (feeds declaring gb2312 routinely contain
 * GBK-only characters such as 镕), big5 as Big5-HKSCS, ISO-8859-1/US-ASCII as windows-1252.
 */
public final class Charsets {
    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final Charset BIG5 = Charset.forName("Big5-HKSCS");
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    /** The charset for a label, widened; null when this JVM knows no such charset. */
    public static Charset forLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312", "gb_2312-80",
                 "gb18030" -> {
                return GB18030;
            }
            case "big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "big5-hkscs" -> {
                return BIG5;
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

    /** The charset for a label, widened; an unknown label is an error naming it. */
    public static Charset forLabelStrict(String label) {
        Charset cs = forLabel(label);
        if (cs == null) {
            throw new IllegalArgumentException("unknown charset '" + label + "'");
        }
        return cs;
    }

    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    public static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Strictly valid UTF-8 (pure ASCII included). */
    public static boolean isValidUtf8(byte[] bytes) {
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
}
