package org.policyradar.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.config.Region;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;
import org.policyradar.config.SourceKind;
import org.policyradar.item.ItemFactory.RawItem;

class SeenEntriesTest {
    private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");

    private static SourceConfig source(Region region) {
        return new SourceConfig("seen-unit", "Seen", region, "en", SourceKind.FEED, URI.create("https://wire.example/rss"),
                Schedule.parse("1h").orElseThrow(), Optional.empty(), false, Optional.empty(), false, List.of(), "");
    }

    private static RawItem entry(String summary, Instant published, boolean estimated, Instant fetched) {
        return RawItem.builder().url("https://wire.example/a/1").title("Huawei ships 5G").summary(summary).published(published)
                .publishedEstimated(estimated).fetched(fetched).declaredLang("en").build();
    }

    @Test
    void theHashCoversWhatTheItemIsMadeOfButNotTheFetchTimeOrAnEstimatedDate(@TempDir Path dir) {
        SeenEntries seen = new SeenEntries(dir, "v1");
        SourceConfig eu = source(Region.EU);
        String base = seen.hash(eu, entry("text", T, false, T));

        assertThat(seen.hash(eu, entry("text", T, false, T.plusSeconds(600)))).as("fetched later").isEqualTo(base);
        assertThat(seen.hash(eu, entry("text", T.plusSeconds(600), true, T.plusSeconds(600))))
                .as("estimated date moving with the fetch").isEqualTo(seen.hash(eu, entry("text", T, true, T)));
        assertThat(seen.hash(eu, entry("text edited", T, false, T))).as("summary").isNotEqualTo(base);
        assertThat(seen.hash(eu, entry("text", T.plusSeconds(1), false, T))).as("declared date").isNotEqualTo(base);
        assertThat(seen.hash(source(Region.CN), entry("text", T, false, T))).as("source settings").isNotEqualTo(base);
        assertThat(new SeenEntries(dir, "v2").hash(eu, entry("text", T, false, T))).as("classifier version").isNotEqualTo(base);
    }

    @Test
    void whatWasStoredSurvivesARestartAndAnUnreadableFileOnlyCostsAReclassification(@TempDir Path dir) throws Exception {
        new SeenEntries(dir, "v1").put("seen-unit", Map.of("id-1", "h1", "id-2", "h2"));
        assertThat(new SeenEntries(dir, "v1").get("seen-unit")).containsOnly(Map.entry("id-1", "h1"), Map.entry("id-2", "h2"));
        assertThat(new SeenEntries(dir, "v1").get("other-source")).isEmpty();

        Files.writeString(dir.resolve("seen-unit.json"), "{not json");
        assertThat(new SeenEntries(dir, "v1").get("seen-unit")).isEmpty();
        assertThat(new SeenEntries((Path) null, "v1").get("seen-unit")).as("disabled").isEmpty();
    }
}
