package org.policyradar.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ThemesTest {

    @Test
    void theDefaultTaxonomyNamesChipsInEveryLanguage() {
        Theme chips = TaxonomyLoader.loadDefault().themes().stream().filter(t -> t.id().equals("chips")).findFirst().orElseThrow();
        assertThat(chips.topic()).isEqualTo("semiconductors");
        TermGroup names = chips.aliases().getFirst();
        assertThat(names.en()).contains("semiconductor*", "chip");
        assertThat(names.zh()).contains("芯片", "半导体", "集成电路");
        assertThat(names.de()).contains("Halbleiter*", "Chip");
        assertThat(names.fr()).contains("semi-conducteur", "puce");
    }

    @Test
    void aFileWithoutThemesStillLoads() throws IOException {
        assertThat(TaxonomyLoaderTest.parse(TaxonomyLoaderTest.minimal("", "")).themes()).isEmpty();
    }

    @Test
    void aBrokenThemeIsNamedWithKeyAndFix() {
        String yaml = TaxonomyLoaderTest.minimal("", "themes:\n  - id: chips\n    label: {en: chips}\n    topic: nope\n    aliases: []\n");
        assertThatThrownBy(() -> TaxonomyLoaderTest.parse(yaml)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("theme 'chips': key 'topic' refers to unknown topic 'nope'")
                .hasMessageContaining("theme 'chips': key 'aliases' is empty");
    }
}
