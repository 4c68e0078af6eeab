package org.policyradar.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.charset.CharsetGuesser;
import org.policyradar.charset.Charsets;

/**
 * Bytes of an HTML page to text. Precedence: the source's charset override; a byte-order mark; bytes that are valid
 * UTF-8 with multi-byte sequences are UTF-8 whatever the page declares (pages saved or proxied as UTF-8 keep their
 * old {@code <meta charset=gb2312>}: honouring it garbles them); then the HTTP charset; then {@code <meta>}; else
 * the detector shared with feeds ({@link CharsetGuesser}: ICU4J with our GB18030/Big5 rule), so an undeclared GBK or
 * Big5 page is read as Chinese, not as windows-1252. Labels are widened as browsers do ({@link Charsets#forLabel}).
 */
public final class HtmlDecoder {
    private final CharsetGuesser guesser = new CharsetGuesser();
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    public String decode(byte[] bytes, String contentType, String override) {
        if (override != null) {
            return new String(bytes, charset(override, StandardCharsets.UTF_8));
        }
        if (Charsets.hasUtf8Bom(bytes)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (!Charsets.isAscii(bytes) && Charsets.isValidUtf8(bytes)) {
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
            return new String(bytes, charset(meta.group(1), Charsets.WINDOWS_1252));
        }
        return new String(bytes, guesser.guess(bytes));
    }

    private static Charset charset(String label, Charset fallback) {
        Charset cs = Charsets.forLabel(label);
        return cs == null ? fallback : cs;
    }
}
