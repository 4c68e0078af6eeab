package org.policyradar.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text that was UTF-8, got decoded as windows-1252 (or Latin-1) somewhere upstream and re-encoded as UTF-8:
 * "ActualitÃ©s" becomes "Actualités", "Ð¯Ð½Ð´ÐµÐºÑ" becomes "Яндекс". Each character is mapped back to the
 * windows-1252 byte it came from (bytes windows-1252 leaves undefined survive as C1 controls, as real feeds show);
 * only runs that form valid multi-byte UTF-8 are replaced, so correct accented text stays as it is. Applied repeatedly
 * (at most three rounds) for text encoded twice over.
 */
final class MojibakeRepair {
    private static final int MAX_ROUNDS = 3;
    /** char to windows-1252 byte for every char that can come from a byte 0x80..0xFF; -1 elsewhere. */
    private final int[] toByte = new int[0x10000];

    MojibakeRepair() {
        java.util.Arrays.fill(toByte, -1);
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0xFF; b++) {
            toByte[b] = b; // Latin-1 reading: C1 controls for the bytes windows-1252 leaves undefined
            String s = new String(new byte[] {(byte) b}, cp1252);
            if (s.length() == 1 && s.charAt(0) != '\uFFFD') {
                toByte[s.charAt(0)] = b;
            }
        }
    }

    /** The repaired text, or the same instance when there was nothing to repair. */
    String repair(String text) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = repairOnce(current);
            if (next == current) {
                break;
            }
            current = next;
        }
        return current;
    }

    private String repairOnce(String text) {
        StringBuilder out = null;
        int i = 0;
        int n = text.length();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        while (i < n) {
            int lead = toByte[text.charAt(i)];
            int length = sequenceLength(lead);
            if (length > 1 && i + length <= n) {
                byte[] bytes = new byte[length];
                bytes[0] = (byte) lead;
                boolean continuation = true;
                for (int k = 1; k < length && continuation; k++) {
                    int b = toByte[text.charAt(i + k)];
                    continuation = b >= 0x80 && b <= 0xBF;
                    bytes[k] = (byte) b;
                }
                if (continuation) {
                    String decoded = decodeStrict(utf8, bytes);
                    if (decoded != null) {
                        if (out == null) {
                            out = new StringBuilder(n);
                            out.append(text, 0, i);
                        }
                        out.append(decoded);
                        i += length;
                        continue;
                    }
                }
            }
            if (out != null) {
                out.append(text.charAt(i));
            }
            i++;
        }
        return out == null ? text : out.toString();
    }

    /** Length of the UTF-8 sequence a lead byte announces; 0 when it is no lead byte. */
    private static int sequenceLength(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static String decodeStrict(CharsetDecoder utf8, byte[] bytes) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
