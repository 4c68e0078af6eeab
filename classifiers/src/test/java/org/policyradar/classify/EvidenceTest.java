package org.policyradar.classify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTest {

    private final TaxonomyClassifier classifier = SharedClassifier.classifier();

    private static String fieldText(TextItem item, String field) {
        return switch (field) {
            case "title" -> item.title();
            case "summary" -> item.summary();
            case "text" -> item.text();
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Test
    void englishEvidenceOffsetsPointAtTheMatchedTextInItsField() {
        TextItem item = new TextItem("e1", "Hackers exploit zero-day flaw in VPN gateways",
                "The cyber-attack hit several ministries.", "Investigators said the ransomware group had used the social-credit style blacklist.", "en");
        Classification c = classifier.classify(item);
        assertThat(c.topics()).contains("cyber");
        List<Evidence> cyber = c.evidence().get("cyber");
        assertThat(cyber).extracting(Evidence::term).contains("Hackers", "zero-day", "cyber-attack", "ransomware");
        for (List<Evidence> list : c.evidence().values()) {
            for (Evidence e : list) {
                assertThat(fieldText(item, e.field()).substring(e.begin(), e.end())).as(e.toString()).isEqualTo(e.term());
            }
        }
        Evidence attack = cyber.stream().filter(e -> e.term().equals("cyber-attack")).findFirst().orElseThrow();
        assertThat(attack.field()).isEqualTo("summary");
        assertThat(attack.begin()).isEqualTo(4);
        assertThat(attack.rule()).contains("cyber");
    }

    @Test
    void chineseTermsSplitBySegmenterAreMatchedAsOneSpan() {
        TextItem item = new TextItem("e2", "人工智能与社会信用体系建设加快推进", "全国人大常委会审议网络安全法修正草案。", null, "zh");
        Classification c = classifier.classify(item);
        assertThat(c.lang()).isEqualTo("zh");
        assertThat(c.topics()).contains("ai", "social-credit", "cyber");
        assertThat(c.evidence().get("ai")).anySatisfy(e -> {
            assertThat(e.term()).isEqualTo("人工智能");
            assertThat(e.field()).isEqualTo("title");
            assertThat(e.begin()).isZero();
            assertThat(e.end()).isEqualTo(4);
        });
        assertThat(c.evidence().get("cyber")).anySatisfy(e -> assertThat(e.term()).startsWith("网络安全"));
        for (List<Evidence> list : c.evidence().values()) {
            for (Evidence e : list) {
                assertThat(fieldText(item, e.field()).substring(e.begin(), e.end())).isEqualTo(e.term());
            }
        }
        // the segmenter splits 人工智能 → 人工 智能, but the search tokens keep the segments
        assertThat(c.tokens().get("title")).contains("人工 智能");
    }

    @Test
    void traditionalChineseDeclaredAsSimplifiedIsDetectedAndMatchedWithOriginalOffsets() {
        TextItem item = new TextItem("e3", "政府推動人工智能及網絡安全發展", "當局表示，會與業界合作應對網絡攻擊。", null, "zh-CN");
        Classification c = classifier.classify(item);
        assertThat(c.lang()).isEqualTo("zh-Hant");
        assertThat(c.topics()).contains("ai", "cyber");
        assertThat(c.evidence().get("cyber")).anySatisfy(e -> assertThat(e.term()).isEqualTo("網絡安全"));
        assertThat(c.evidence().get("cyber")).anySatisfy(e -> assertThat(e.term()).isEqualTo("網絡攻擊"));
    }

    @Test
    void titleMatchesWeighMoreThanBodyMatches() {
        Classification inTitle = classifier.classify(new TextItem("b1", "AI reshapes newsrooms", "Editors met in Paris on Monday.", null, "en"));
        Classification inBody = classifier.classify(new TextItem("b2", "Newsrooms meet in Paris", "Editors discussed AI on Monday.", null, "en"));
        assertThat(inTitle.topics()).contains("ai");
        assertThat(inBody.topics()).doesNotContain("ai");
        assertThat(inTitle.scores().get("ai")).isGreaterThan(inBody.scores().get("ai"));
        Evidence titleEvidence = inTitle.evidence().get("ai").getFirst();
        Evidence bodyEvidence = inBody.evidence().get("ai").getFirst();
        assertThat(titleEvidence.weight()).isEqualTo(2 * bodyEvidence.weight());
    }

    @Test
    void everyAssignedTopicHasPositiveEvidenceAndScoresAreCalibrated() {
        Classification c = classifier.classify(new TextItem("s", "China's Cyberspace Administration fines platform under Personal Information Protection Law",
                "The CAC said the app collected personal data illegally; Huawei and ZTE were not involved.", null, null));
        assertThat(c.topics()).isNotEmpty();
        for (String t : c.topics()) {
            assertThat(c.evidence().get(t)).anySatisfy(e -> assertThat(e.weight()).isPositive());
        }
        for (Map.Entry<String, Double> s : c.scores().entrySet()) {
            assertThat(s.getValue()).isBetween(0.0, 1.0);
        }
        assertThat(c.topics()).contains("cyber", "data-protection");
        // Huawei and ZTE add a little to 5G (network vendors) but never assign it alone
        assertThat(c.topics()).doesNotContain("5g");
    }

    @Test
    void entitiesSignalsAndNumbersAreReportedWithPositions() {
        TextItem item = new TextItem("n", "China pledges US$1.4 billion to chip self-reliance as US export controls bite",
                "Under Made in China 2025 the MIIT wants 70% self-sufficiency by 2025.", null, "en");
        Classification c = classifier.classify(item);
        assertThat(c.entities()).extracting(EntityMention::id).contains("mic2025", "miit");
        assertThat(c.entities()).filteredOn(e -> e.id().equals("mic2025")).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo("instrument");
            assertThat(item.summary().substring(e.begin(), e.end())).isEqualTo("Made in China 2025");
        });
        assertThat(c.signals()).extracting(Signal::kind).contains("self-reliance", "ban-backlash", "money", "percent", "year", "target");
        assertThat(c.signals()).filteredOn(s -> s.kind().equals("money")).extracting(Signal::term).contains("US$1.4 billion");
        assertThat(c.signals()).filteredOn(s -> s.kind().equals("percent")).extracting(Signal::term).contains("70%");

        Classification zh = classifier.classify(new TextItem("z", "突破卡脖子技术 实现自主可控", "国家集成电路产业投资基金投入3000亿元。", null, null));
        assertThat(zh.signals()).extracting(Signal::kind).contains("self-reliance", "funding", "money");
        assertThat(zh.signals()).filteredOn(s -> s.kind().equals("self-reliance")).extracting(Signal::term).contains("卡脖子", "自主可控");
    }

    @Test
    void tokensAndAnalyzeProduceTheSameWhitespaceTerms() {
        Classification c = classifier.classify(new TextItem("k", "EU's AI Act: what changes?", "Providers of high-risk systems must register.", null, "en"));
        assertThat(c.tokens()).containsOnlyKeys("title", "body");
        assertThat(c.tokens().get("title")).isEqualTo("eu 's ai act : what changes ?");
        assertThat(classifier.analyze("AI Act", "en")).isEqualTo("ai act");
        assertThat(classifier.analyze("人工智能法案", null)).isEqualTo(classifier.classify(new TextItem("q", "人工智能法案", null, null, "zh")).tokens().get("title"));
        assertThat(classifier.analyze("網絡安全", "zh-HK")).isEqualTo(classifier.analyze("网络安全", "zh"));
    }
}
