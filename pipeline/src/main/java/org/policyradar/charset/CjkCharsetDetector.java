package org.policyradar.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Our GB18030/Big5 rule inside {@link CharsetGuesser}, for bytes that declare nothing and are not UTF-8. Both decodings are tried; the one whose
 * Han characters are mostly common characters, with the fewest unmappable pairs, wins. A wrong CJK decoding produces
 * rare characters, symbols and private-use code points, so the margin is wide even on one line of text.
 */
final class CjkCharsetDetector {
    private static final Charset GB18030 = Charsets.GB18030;
    private static final Charset BIG5 = Charsets.BIG5;
    /** Below this share of common characters the bytes are not taken for Chinese at all. */
    private static final double MIN_COMMON_SHARE = 0.3;

    private final CommonHanzi common = new CommonHanzi();

    /** How well one decoding reads as Chinese. */
    record Score(Charset charset, int han, int common, int errors) {
        double value() {
            return han == 0 ? 0 : (common - 2.0 * errors) / han;
        }
    }

    /** GB18030 or Big5-HKSCS, or null when neither reads as Chinese text. */
    Charset detect(byte[] bytes) {
        Score gb = score(bytes, GB18030);
        Score big5 = score(bytes, BIG5);
        Score best = big5.value() > gb.value() ? big5 : gb;
        return best.value() >= MIN_COMMON_SHARE ? best.charset() : null;
    }

    Score score(byte[] bytes, Charset charset) {
        String text = decodeReplacing(bytes, charset);
        int han = 0;
        int hits = 0;
        int errors = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c >= 0xE000 && c <= 0xF8FF) {
                errors++;
            } else if (CommonHanzi.isHan(c)) {
                han++;
                if (common.isCommon(c)) {
                    hits++;
                }
            }
        }
        return new Score(charset, han + errors, hits, errors);
    }

    private static String decodeReplacing(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            // cannot happen with REPLACE; treat as unreadable
            return "";
        }
    }
}
