package org.policyradar.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 in hex, cut to a prefix: document ids, text hashes, dedup keys. */
public final class Sha256 {
    private Sha256() {
    }

    /** The first {@code bytes} bytes (2 hex digits each) of the SHA-256 of the text's UTF-8. */
    public static String hex(String text, int bytes) {
        MessageDigest md = digest();
        return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
    }

    /** As {@link #hex(String, int)} over the parts, each followed by a NUL byte, so ("ab", "c") and ("a", "bc") differ. */
    public static String hex(List<String> parts, int bytes) {
        MessageDigest md = digest();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest(), 0, bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
