package org.policyradar.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text, before any XML parser sees them. Precedence: per-source override, then byte-order mark, then the
 * XML prolog's encoding, then the HTTP charset, then UTF-8. GB2312/GBK labels decode as GB18030, their superset, as
 * browsers do: feeds that declare gb2312 routinely contain GBK-only characters.
 */
public final class FeedDecoder {
    private static final Pattern PROLOG_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /** The decoded text and the charset it was decoded with. */
    public record Decoded(String text, Charset charset) {
    }

    public Decoded decode(byte[] bytes, String contentType, String charsetOverride) {
        if (charsetOverride != null) {
            Charset cs = normalise(charsetOverride);
            return new Decoded(new String(bytes, cs), cs);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
        Matcher prolog = PROLOG_ENCODING.matcher(head);
        Charset cs = null;
        if (prolog.find()) {
            cs = normaliseOrNull(prolog.group(1));
        }
        if (cs == null && contentType != null) {
            Matcher header = HEADER_CHARSET.matcher(contentType);
            if (header.find()) {
                cs = normaliseOrNull(header.group(1));
            }
        }
        if (cs == null) {
            cs = StandardCharsets.UTF_8;
        }
        return new Decoded(new String(bytes, cs), cs);
    }

    static Charset normalise(String label) {
        Charset cs = normaliseOrNull(label);
        if (cs == null) {
            throw new IllegalArgumentException("unknown charset '" + label + "'");
        }
        return cs;
    }

    private static Charset normaliseOrNull(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("gb2312") || l.equals("gbk") || l.equals("x-gbk") || l.equals("cp936") || l.equals("euc-cn")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(l);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
