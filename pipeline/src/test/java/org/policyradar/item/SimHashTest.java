package org.policyradar.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast paths used by near-duplicate marking agree with their plain definitions. */
class SimHashTest {

    private static Set<String> stringShingles(String text) {
        String norm = SimHash.normalise(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= norm.length(); i++) {
            out.add(norm.substring(i, i + 3));
        }
        return out;
    }

    private static double referenceJaccard(String a, String b) {
        Set<String> x = stringShingles(a);
        Set<String> y = stringShingles(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return common.size() / (double) (x.size() + y.size() - common.size());
    }

    @Test
    void jaccardOnPackedShinglesEqualsJaccardOnSubstringSets() {
        List<String> texts = List.of(
                "Huawei to build 5G network in Duisburg, city officials say",
                "Huawei to build 5G network in Duisburg - Reuters",
                "Huawei shares fall after US adds more chip curbs",
                "工信部：加快5G网络建设｜人民网 工业和信息化部2日发布通知，要求加快5G网络建设",
                "新华社北京11月2日电 工业和信息化部2日发布通知，要求加快5G网络建设，推动千兆光网",
                "emoji 😀😀 and supplementary 𠀋𠀋 characters 😀😀",
                "ab", "");
        for (String a : texts) {
            for (String b : texts) {
                assertThat(SimHash.jaccard(a, b)).as("%s | %s", a, b).isCloseTo(referenceJaccard(a, b), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(SimHash.shingles("aaaa aaaa")).hasSize(1);
    }

    @Test
    void shareBandIsTrueExactlyWhenTheBandListsIntersect() {
        Random random = new Random(42);
        int shared = 0;
        for (int i = 0; i < 20_000; i++) {
            long a = random.nextLong();
            long b = i % 2 == 0 ? random.nextLong() : a ^ (1L << random.nextInt(64)) ^ (1L << random.nextInt(64));
            boolean expected = SimHash.bands(a).stream().anyMatch(SimHash.bands(b)::contains);
            assertThat(SimHash.shareBand(a, b)).isEqualTo(expected);
            shared += expected ? 1 : 0;
        }
        assertThat(shared).isBetween(10_000, 19_999); // both outcomes were exercised
    }

    /** A text of {@code n} random lowercase words: another story, sharing few shingles with any other. */
    private static String randomWords(java.util.Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < n; w++) {
            for (int l = 3 + random.nextInt(6); l > 0; l--) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(' ');
        }
        return text.toString();
    }

    @Test
    void unrelatedTextsRarelyShareABandAndPairsAtHalfJaccardStayWithinTheCandidateDistance() {
        java.util.Random random = new java.util.Random(42);
        int pairs = 400;
        int bandShared = 0;
        int close = 0;
        int halfPairs = 0;
        int kept = 0;
        for (int n = 0; n < pairs; n++) {
            String a = randomWords(random, 60);
            long fa = SimHash.of(a);
            long fc = SimHash.of(randomWords(random, 60));
            bandShared += SimHash.shareBand(fa, fc) ? 1 : 0;
            close += SimHash.distance(fa, fc) <= SimHash.MAX_CANDIDATE_DISTANCE ? 1 : 0;
            // Replace words until the pair is just above a Jaccard of 0.5: the hardest near-duplicates to keep.
            String[] words = a.trim().split(" ");
            double j = 1;
            String b = a;
            while (j > 0.6) {
                words[random.nextInt(words.length)] = randomWords(random, 1).trim();
                b = String.join(" ", words);
                j = SimHash.jaccard(a, b);
            }
            if (j >= 0.5) {
                halfPairs++;
                kept += SimHash.distance(fa, SimHash.of(b)) <= SimHash.MAX_CANDIDATE_DISTANCE ? 1 : 0;
            }
        }
        // Random 64-bit fingerprints share one of 8 bytes with probability 1-(255/256)^8 = 3.1%.
        assertThat(bandShared / (double) pairs).as("unrelated pairs sharing a band").isLessThanOrEqualTo(0.06);
        assertThat(close / (double) pairs).as("unrelated pairs within the candidate distance").isLessThanOrEqualTo(0.05);
        assertThat(halfPairs).isGreaterThan(100);
        assertThat(kept / (double) halfPairs).as("pairs at Jaccard 0.5-0.6 within the candidate distance").isGreaterThanOrEqualTo(0.95);
    }
}
