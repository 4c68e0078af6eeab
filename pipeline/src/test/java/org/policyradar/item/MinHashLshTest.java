package org.policyradar.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The MinHash keys make a pair at the confirmation threshold a candidate, and unrelated text almost never. */
class MinHashLshTest {
    private final Random random = new Random(7);

    @Test
    void pairsAtJaccardHalfAreCandidatesAndPairsAtATenthAlmostNever() {
        double atHalf = candidateRate(1_000, 2, 1); // common : only-in-one = 2 : 1 each side, J = 2/(2+1+1)
        double atTenth = candidateRate(2_000, 2, 9); // J = 2/(2+9+9)
        System.out.printf("event=minhash_lsh_rates at_0.5=%.4f expected=%.4f at_0.1=%.4f expected=%.4f%n",
                atHalf, MinHashLsh.candidateProbability(0.5), atTenth, MinHashLsh.candidateProbability(0.1));
        assertThat(atHalf).isGreaterThanOrEqualTo(0.9);
        assertThat(atTenth).isLessThanOrEqualTo(0.01);
        // The hash functions behave as the analysis assumes: measured rates are close to 1 - (1 - J^r)^b.
        assertThat(atHalf).isCloseTo(MinHashLsh.candidateProbability(0.5), org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void keysAreTaggedStableAndNoneForTextWithoutShingles() {
        long[] shingles = SimHash.shingles("Huawei to build 5G network in Duisburg, city officials say");
        List<String> keys = MinHashLsh.keys(shingles);
        assertThat(keys).hasSize(MinHashLsh.BANDS).doesNotHaveDuplicates().allMatch(k -> k.matches("m4:\\d+:[0-9a-f]{16}"));
        assertThat(MinHashLsh.keys(shingles.clone())).isEqualTo(keys);
        assertThat(MinHashLsh.isCurrent(keys)).isTrue();
        assertThat(MinHashLsh.isCurrent(List.of("0:be", "1:ef"))).isFalse();
        assertThat(MinHashLsh.keys(SimHash.shingles("ab"))).isEmpty();
        assertThat(MinHashLsh.keys(SimHash.shingles("Huawei shares fall after US adds more chip curbs")))
                .doesNotContainAnyElementsOf(keys);
    }

    /** Share of {@code pairs} random shingle-set pairs with common : only-in-each = c : o that share a key. */
    private double candidateRate(int pairs, int c, int o) {
        int candidates = 0;
        for (int p = 0; p < pairs; p++) {
            int unit = 10 + random.nextInt(40); // sets of 30 to 400 shingles, as headlines to 500-char summaries
            long[] all = distinctShingles(unit * (c + 2 * o));
            long[] common = Arrays.copyOfRange(all, 0, unit * c);
            long[] onlyA = Arrays.copyOfRange(all, unit * c, unit * (c + o));
            long[] onlyB = Arrays.copyOfRange(all, unit * (c + o), all.length);
            long[] a = sorted(common, onlyA);
            long[] b = sorted(common, onlyB);
            assertThat(SimHash.jaccard(a, b)).isCloseTo(c / (double) (c + 2 * o), org.assertj.core.data.Offset.offset(1e-9));
            Set<String> keys = new HashSet<>(MinHashLsh.keys(a));
            candidates += MinHashLsh.keys(b).stream().anyMatch(keys::contains) ? 1 : 0;
        }
        return candidates / (double) pairs;
    }

    /** Distinct packed 3-shingles of lower-case letters and digits, as {@link SimHash#shingles} makes them. */
    private long[] distinctShingles(int n) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Set<Long> out = new java.util.LinkedHashSet<>();
        while (out.size() < n) {
            long s = 0;
            for (int i = 0; i < 3; i++) {
                s = (s << 16) | alphabet.charAt(random.nextInt(alphabet.length()));
            }
            out.add(s);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] sorted(long[] x, long[] y) {
        return LongStream.concat(Arrays.stream(x), Arrays.stream(y)).sorted().toArray();
    }
}
