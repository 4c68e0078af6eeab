package org.policyradar.item;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 64-bit SimHash over character 3-shingles of normalised text: close texts (the same wire story republished with
 * a different headline suffix or a trimmed lead) get fingerprints a few bits apart, in Chinese as in English, since
 * shingles need no word segmentation. Eight 8-bit bands serve as lookup keys: two fingerprints within 7 bits share
 * at least one band. The fingerprint alone is too coarse to decide on headline-length texts, so candidates (a shared
 * band and at most {@link #MAX_CANDIDATE_DISTANCE} bits apart) are confirmed with {@link #jaccard}. Fingerprints
 * of items indexed before the hash got its finaliser (2026-11-29) do not match new ones: copies of such items are
 * not found, which ends once they are older than the marker's one-week window.
 */
public final class SimHash {
    public static final int BANDS = 8;

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

    /**
     * Fingerprints further apart than this are not compared by {@link #jaccard}: SimHash bits disagree with
     * probability angle/π; two texts at a 3-shingle Jaccard of 0.5 have a cosine of about 2/3 (48°), so about 17 of
     * 64 bits differ (σ ≈ 3.6), while unrelated texts differ in about 32. {@code SimHashTest} measures both sides.
     */
    public static final int MAX_CANDIDATE_DISTANCE = 24;

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Lookup keys: band number and its 16 bits, e.g. {@code 2:beef}. */
    public static List<String> bands(long fingerprint) {
        List<String> out = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            out.add(b + ":" + Long.toHexString((fingerprint >>> (8 * b)) & 0xFF));
        }
        return out;
    }

    /** True when the two fingerprints have one of the {@link #bands} in common (some byte equal). */
    public static boolean shareBand(long a, long b) {
        long x = a ^ b;
        for (int band = 0; band < BANDS; band++) {
            if (((x >>> (8 * band)) & 0xFF) == 0) {
                return true;
            }
        }
        return false;
    }

    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }

    public static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex, 16);
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

    /**
     * FNV-1a 64, then MurmurHash3's 64-bit finaliser. FNV alone leaves the bits of a 3-byte input poorly mixed (its
     * low bits depend only on the inputs' low bits), so unrelated texts got fingerprints a few bits apart and shared
     * bands far more often than 1 in 32: every batch compared most of the week's items, the largest cost of an
     * end-to-end run. With the finaliser every bit is a fair coin, as SimHash assumes.
     */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
