package org.policyradar.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of an HTML page to text. Precedence: the source's charset override; a byte-order mark; bytes that are valid
 * UTF-8 with multi-byte sequences are UTF-8 whatever the page declares (pages saved or proxied as UTF-8 keep their
 * old {@code <meta charset=gb2312>}: honouring it garbles them); then the HTTP charset; then {@code <meta>}; else
 * windows-1252. gb2312/gbk labels decode as GB18030, their superset.
 */
public final class HtmlDecoder {
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    public String decode(byte[] bytes, String contentType, String override) {
        if (override != null) {
            return new String(bytes, charset(override, StandardCharsets.UTF_8));
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (isUtf8WithMultibyte(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (contentType != null) {
            Matcher m = HEADER.matcher(contentType);
            if (m.find()) {
                return new String(bytes, charset(m.group(1), StandardCharsets.UTF_8));
            }
        }
        Matcher meta = META.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
        if (meta.find()) {
            return new String(bytes, charset(meta.group(1), Charset.forName("windows-1252")));
        }
        return new String(bytes, Charset.forName("windows-1252"));
    }

    private static boolean isUtf8WithMultibyte(byte[] bytes) {
        boolean multibyte = false;
        for (byte b : bytes) {
            if (b < 0) {
                multibyte = true;
                break;
            }
        }
        if (!multibyte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset charset(String label, Charset fallback) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("gb2312") || l.equals("gbk") || l.equals("x-gbk") || l.equals("euc-cn")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(l);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
