package org.policyradar.item;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive lookup keys for the Jaccard similarity of character 3-shingle sets ({@link SimHash#shingles}):
 * MinHash with {@value #BANDS} bands of {@value #ROWS} rows ({@value #FUNCTIONS} hash functions). Two sets of Jaccard
 * similarity J share at least one key with probability 1 - (1 - J^4)^48:
 * <pre>
 *   J     0.05     0.1     0.2    0.3    0.4    0.45   0.5    0.6
 *   P     0.0003   0.0048  0.074  0.32   0.71   0.87   0.955  0.999
 * </pre>
 * so a copy at the confirmation threshold (J = 0.5) is a candidate 95.5% of the time, while unrelated text (3-shingle
 * Jaccard of unrelated news is mostly below 0.1) almost never is: the lookup returns few items however many the week
 * holds. Alternatives computed: 3x24 gives 0.96 at 0.5 but 0.024 at 0.1 (five times the false candidates); 4x32 only
 * 0.87 at 0.5; 5x96 needs 480 functions and 96 keys per item for the same 0.95. The SimHash bands this replaces
 * (eight 8-bit bands) caught a J = 0.5 pair only about half the time and matched nearly the whole week.
 *
 * <p>Keys are {@code m4:<band>:<16 hex digits>}. The tag names the scheme (rows, bands, seeds, hash); change it
 * whenever any of them changes, so keys of different schemes can never be equal. Keys of the earlier SimHash scheme
 * ({@code 0:be}) have no tag and never equal these.
 */
public final class MinHashLsh {
    public static final String TAG = "m4";
    public static final int ROWS = 4;
    public static final int BANDS = 48;
    public static final int FUNCTIONS = ROWS * BANDS;

    /** One seed per hash function: h_i(s) = mix(mix(s) ^ seed_i), a pseudo-random permutation per function. */
    private static final long[] SEEDS = seeds();

    private MinHashLsh() {
    }

    /** The probability that two sets of Jaccard similarity {@code j} share at least one key. */
    public static double candidateProbability(double j) {
        return 1 - Math.pow(1 - Math.pow(j, ROWS), BANDS);
    }

    /** The {@value #BANDS} lookup keys of a shingle set; none for an empty set (it is similar to nothing). */
    public static List<String> keys(long[] shingles) {
        if (shingles.length == 0) {
            return List.of();
        }
        long[] min = signature(shingles);
        List<String> out = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int row = 0; row < ROWS; row++) {
                h = mix(h ^ min[band * ROWS + row]) + row;
            }
            out.add(TAG + ":" + band + ":" + String.format("%016x", h));
        }
        return out;
    }

    /** True when every key is of this scheme (an empty list included); false for keys of an earlier scheme. */
    public static boolean isCurrent(List<String> keys) {
        return keys.stream().allMatch(k -> k.startsWith(TAG + ":"));
    }

    /** The minimum of each hash function over the set: the probability that two sets agree at i is their Jaccard. */
    static long[] signature(long[] shingles) {
        long[] min = new long[FUNCTIONS];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long shingle : shingles) {
            long h = mix(shingle);
            for (int i = 0; i < FUNCTIONS; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return min;
    }

    /** MurmurHash3's 64-bit finaliser: a bijection with full avalanche. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** SplitMix64 from a fixed start: the same seeds in every JVM, as keys already indexed require. */
    private static long[] seeds() {
        long[] out = new long[FUNCTIONS];
        long state = 0x5eed_6d34_0000_0001L;
        for (int i = 0; i < FUNCTIONS; i++) {
            state += 0x9e3779b97f4a7c15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            out[i] = z ^ (z >>> 31);
        }
        return out;
    }
}
