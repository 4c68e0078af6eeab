package org.policyradar.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policyradar.taxonomy.TaxonomyLoader;

/** Word diff, normalisation and the "what changed" summary on their own (no Elasticsearch needed). */
class WordDiffTest {
    @Test
    void anEnglishEditShowsRemovedAndAddedWordsWithContextNotTheWholePage() {
        String filler = "The Commission will review the implementation of this strategy regularly with the Member States. ".repeat(20);
        String before = filler + "By 2030 at least 75% of enterprises should use cloud computing services. " + filler;
        String after = filler + "By 2028 at least 90% of enterprises should use cloud computing and AI services. " + filler;
        Diff diff = WordDiff.diff(before, after);
        String rendered = diff.render();
        assertThat(rendered).contains("[-2030-]{+2028+}").contains("[-75%-]{+90%+}").contains("{+and AI+}");
        assertThat(rendered.lines().count()).isEqualTo(1);
        assertThat(rendered.length()).isLessThan(300);
        assertThat(diff.wordsAdded()).isEqualTo(4);
        assertThat(diff.wordsRemoved()).isEqualTo(2);
    }

    @Test
    void chineseIsComparedCharacterByCharacter() {
        Diff diff = WordDiff.diff("到2027年每万人拥有5G基站数达到38个。", "到2026年每万人拥有5G基站数达到50个。");
        assertThat(diff.render()).contains("到[-2027-]{+2026+}年每万人").contains("达到[-38-]{+50+}个");
    }

    @Test
    void myersFindsAMinimalScriptOnRandomEdits() {
        java.util.Random r = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                a.add("w" + r.nextInt(8));
            }
            List<String> b = new ArrayList<>(a);
            for (int e = 0; e < 6; e++) {
                int at = r.nextInt(b.size());
                if (r.nextBoolean()) b.remove(at); else b.add(at, "n" + r.nextInt(8));
            }
            Diff d = WordDiff.diff(String.join(" ", a), String.join(" ", b));
            // replaying the diff gives back both texts
            StringBuilder oldText = new StringBuilder();
            StringBuilder newText = new StringBuilder();
            for (WordDiff.Segment s : d.segments()) {
                for (WordDiff.Token t : s.tokens()) {
                    if (s.op() != WordDiff.Op.INSERT) oldText.append(t.text()).append(' ');
                    if (s.op() != WordDiff.Op.DELETE) newText.append(t.text()).append(' ');
                }
            }
            assertThat(oldText.toString().strip()).isEqualTo(String.join(" ", a));
            assertThat(newText.toString().strip()).isEqualTo(String.join(" ", b));
            int edits = d.wordsAdded() + d.wordsRemoved();
            assertThat(edits).isLessThanOrEqualTo(12).isEqualTo(a.size() + b.size() - 2 * lcs(a, b));
        }
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }

    @Test
    void timestampsCountersAndUpdatedLinesAreNotContent() {
        TextNormaliser n = TextNormaliser.defaults();
        String v1 = "关于推进5G网络建设的通知\n发布时间：2026-11-02 10:15 浏览次数：123\n到2027年每万人拥有5G基站数达到38个。\n"
                + "Last updated: 3 March 2026\n2026-11-02\nViews: 1,204";
        String v2 = "关于推进5G网络建设的通知\n发布时间：2026-11-29 08:00 浏览次数：4567\n到2027年每万人拥有5G基站数达到38个。\n"
                + "Last updated: 28 November 2026\n2026-11-29\nViews: 9,999";
        assertThat(n.normalise(v1)).isEqualTo(n.normalise(v2)).isEqualTo("关于推进5G网络建设的通知\n到2027年每万人拥有5G基站数达到38个。");
        // a date inside a sentence is content
        assertThat(n.normalise("The plan applies from 1 March 2027 to all operators."))
                .isNotEqualTo(n.normalise("The plan applies from 1 March 2028 to all operators."));
        // a source's own rule
        TextNormaliser own = new TextNormaliser(List.of(Pattern.compile("Visitors today: \\d+")));
        assertThat(own.normalise("Text.\nVisitors today: 17")).isEqualTo(own.normalise("Text.\nVisitors today: 18"));
    }

    @Test
    void theSummaryNamesChangedFiguresAndSentencesWithTaxonomyTerms() {
        ChangeSummary summary = new ChangeSummary(TaxonomyLoader.loadDefault());
        String before = "各地要加快建设。到2027年每万人拥有5G基站数达到38个。其他内容保持不变。";
        String after = "各地要加快建设。到2026年每万人拥有5G基站数达到50个。其他内容保持不变。";
        ChangeSummary.Summary s = summary.summarise(WordDiff.diff(before, after), before, after);
        assertThat(s.text()).contains("2027年 → 2026年").contains("38个 → 50个").contains("[5g] 到2026年每万人拥有5G基站数达到50个。");
        assertThat(s.topics()).containsExactly("5g");
    }
}
