package org.policyradar.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
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
}
