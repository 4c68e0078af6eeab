package org.policyradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFetchStateStoreTest {
    private static final URI FEED = URI.create("https://example.org/feed.xml");

    @Test
    void validatorsSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("data/fetch-state.json");
        new FileFetchStateStore(file).put("src", FEED, new Validators("\"abc\"", "Sat, 28 Feb 2026 10:00:00 GMT"));
        FileFetchStateStore reopened = new FileFetchStateStore(file);
        assertThat(reopened.get("src", FEED)).isEqualTo(new Validators("\"abc\"", "Sat, 28 Feb 2026 10:00:00 GMT"));
        assertThat(reopened.get("other", FEED)).isEqualTo(Validators.NONE);
    }

    @Test
    void emptyValidatorsRemoveTheEntry(@TempDir Path dir) {
        Path file = dir.resolve("fetch-state.json");
        FileFetchStateStore store = new FileFetchStateStore(file);
        store.put("src", FEED, new Validators("\"abc\"", null));
        store.put("src", FEED, Validators.NONE);
        assertThat(new FileFetchStateStore(file).get("src", FEED)).isEqualTo(Validators.NONE);
    }

    @Test
    void filesWrittenWithTheOldEmptyFlagAreStillRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fetch-state.json");
        Files.writeString(file, "{\"src https://example.org/feed.xml\":{\"etag\":\"\\\"v1\\\"\",\"lastModified\":null,\"empty\":false}}",
                StandardCharsets.UTF_8);
        assertThat(new FileFetchStateStore(file).get("src", FEED)).isEqualTo(new Validators("\"v1\"", null));
    }

    @Test
    void aCorruptFileStartsEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fetch-state.json");
        Files.writeString(file, "{not json", StandardCharsets.UTF_8);
        assertThat(new FileFetchStateStore(file).get("src", FEED)).isEqualTo(Validators.NONE);
    }
}
