package org.policyradar.item;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 64-bit SimHash over character 3-shingles of normalised text, and the shingle sets and their Jaccard similarity that
 * near-duplicate marking confirms candidates with. Shingles need no word segmentation, so this works alike for Chinese
 * and English. The fingerprint is still stored ({@code simhash}) but no longer used for lookup: on headline-length
 * texts it is too coarse (a republished story measured 6 bits away, a different story 4), and its 8-bit bands caught a
 * pair at Jaccard 0.5 only about half the time; lookup keys are {@link MinHashLsh}'s.
 */
public final class SimHash {
    private SimHash() {
    }

    public static long of(String text) {
        String norm = normalise(text);
        int[] weights = new int[64];
        if (norm.length() < 3) {
            return hash(norm);
        }
        for (int i = 0; i + 3 <= norm.length(); i++) {
            long h = hash(norm.substring(i, i + 3));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }

    /** Jaccard similarity of the two texts' character 3-shingle sets (normalised), in [0,1]. */
    public static double jaccard(String a, String b) {
        return jaccard(shingles(a), shingles(b));
    }

    /**
     * Jaccard similarity of two shingle sets from {@link #shingles}. A caller comparing one text with many builds
     * each set once; sorted primitive arrays compare by a merge, without hashing or boxing.
     */
    public static double jaccard(long[] x, long[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / (double) (x.length + y.length - common);
    }

    /**
     * The distinct character 3-shingles of the normalised text, sorted; each shingle's three UTF-16 chars are packed
     * exactly into one long, so this is the set of 3-character substrings, without collisions.
     */
    public static long[] shingles(String text) {
        String norm = normalise(text == null ? "" : text);
        if (norm.length() < 3) {
            return new long[0];
        }
        long[] all = new long[norm.length() - 2];
        for (int i = 0; i < all.length; i++) {
            all[i] = ((long) norm.charAt(i) << 32) | ((long) norm.charAt(i + 1) << 16) | norm.charAt(i + 2);
        }
        java.util.Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[i] != all[n - 1]) {
                all[n++] = all[i];
            }
        }
        return java.util.Arrays.copyOf(all, n);
    }

    /** Lower case, letters and digits only: punctuation and spacing differences are not differences of story. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** FNV-1a 64. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
