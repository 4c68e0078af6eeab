package org.policyradar.classify;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupedFoldsTest {

    private static GoldItem item(String id, String source, String link) {
        return new GoldItem(id, "t", null, null, "en", List.of(), source, link);
    }

    @Test
    void sourceIsTheLinksRegistrableDomainElseTheSourceNameBeforeItsArchiveNote() {
        assertThat(SourceGroups.of(item("a", "RTHK (archived in repo x@1)", "https://news.rthk.hk/rthk/ch/a.htm"))).isEqualTo("rthk.hk");
        assertThat(SourceGroups.of(item("b", "other name", "http://www.rthk.hk/x"))).isEqualTo("rthk.hk");
        assertThat(SourceGroups.of(item("c", "x", "https://cn.chinadaily.com.cn/a"))).isEqualTo("chinadaily.com.cn");
        assertThat(SourceGroups.of(item("d", "x", "https://www.bbc.co.uk/news/1"))).isEqualTo("bbc.co.uk");
        assertThat(SourceGroups.of(item("e", "x", "https://www.gov.cn/zhengce/1.htm"))).isEqualTo("gov.cn");
        assertThat(SourceGroups.of(item("f", "Die Zeit (NewsAPI snapshot, via GitHub repo a@1)", null))).isEqualTo("name:die zeit");
        assertThat(SourceGroups.of(item("g", "Die Zeit (NewsAPI snapshot, via GitHub repo b@2)", ""))).isEqualTo("name:die zeit");
        assertThat(SourceGroups.of(item("h", null, "not a url ::"))).isEqualTo("item:h");
    }

    @Test
    void noSourceIsInTwoFoldsAndEveryItemIsTestedOnce() {
        List<GoldItem> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int source = i % 7 == 0 ? 0 : i % 41; // one big source (43 items) and 40 smaller ones
            items.add(item("i" + i, "s", "https://www.site" + source + ".example/" + i));
        }
        List<List<Integer>> folds = GroupedFolds.split(items, SourceGroups::of, 5, 13);
        assertThat(folds).hasSize(5);
        Map<String, Integer> foldOfSource = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            for (int i : folds.get(f)) {
                all.add(i);
                Integer earlier = foldOfSource.putIfAbsent(SourceGroups.of(items.get(i)), f);
                assertThat(earlier == null || earlier == f).as("source of item %d in folds %s and %d", i, earlier, f).isTrue();
            }
            assertThat(folds.get(f).size()).as("fold %d size", f).isBetween(45, 75);
        }
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void theSplitIsFixedBySeed() {
        List<GoldItem> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) items.add(item("i" + i, "s", "https://s" + (i % 37) + ".example/" + i));
        assertThat(GroupedFolds.split(items, SourceGroups::of, 5, 13)).isEqualTo(GroupedFolds.split(items, SourceGroups::of, 5, 13));
        assertThat(GroupedFolds.split(items, SourceGroups::of, 5, 13)).isNotEqualTo(GroupedFolds.split(items, SourceGroups::of, 5, 14));
    }

    @Test
    void fewerSourcesThanFoldsIsAClearError() {
        List<GoldItem> items = List.of(item("a", "s", "https://a.example/1"), item("b", "s", "https://b.example/1"));
        assertThatThrownBy(() -> GroupedFolds.split(items, SourceGroups::of, 5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 folds need at least 5 sources, the items have 2");
    }

    @Test
    void theDevSetSplitNeverLeaksASource() throws Exception {
        Path dev = SharedClassifier.devSet();
        List<GoldItem> gold = Evaluation.readGold(dev);
        List<List<Integer>> folds = GroupedFolds.split(gold, SourceGroups::of, 5, 13);
        Map<String, Integer> foldOfSource = new HashMap<>();
        for (int f = 0; f < folds.size(); f++) {
            for (int i : folds.get(f)) {
                Integer earlier = foldOfSource.putIfAbsent(SourceGroups.of(gold.get(i)), f);
                assertThat(earlier == null || earlier == f).as("source %s leaks", SourceGroups.of(gold.get(i))).isTrue();
            }
        }
        assertThat(folds.stream().mapToInt(List::size).sum()).isEqualTo(gold.size());
    }
}
