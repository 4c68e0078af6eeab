package org.policyradar.item;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.CorpusUrls;

/**
 * Why {@link CanonicalUrl} is kept rather than crawler-commons' {@code BasicURLNormalizer} (plus our tracking,
 * sorting and trailing-slash rules on top): document ids are hashes of the canonical form, and the library's form
 * differs on real corpus URLs ({@code ?highlight=} becomes {@code ?highlight}, {@code %7E} becomes {@code ~},
 * {@code //} in a path is collapsed), so switching would give already indexed items new ids and index them twice.
 */
class CanonicalUrlCorpusTest {
    @Test
    void theLibrarysNormalFormWouldChangeTheIdsOfIndexedItems() {
        BasicURLNormalizer library = BasicURLNormalizer.newBuilder().queryParamsToRemove(CanonicalUrl.TRACKING).build();
        List<String> urls = CorpusUrls.all();
        List<String> changed = new ArrayList<>();
        int rejected = 0;
        for (String url : urls) {
            String normal = library.filter(url);
            if (normal == null) {
                rejected++;
            } else if (!CanonicalUrl.documentId(normal).equals(CanonicalUrl.documentId(url))) {
                changed.add(url + " -> " + CanonicalUrl.canonicalize(normal));
            }
        }
        System.out.printf("canonical url: corpus_urls=%d library_changes_id=%d library_rejects=%d%n", urls.size(), changed.size(), rejected);
        changed.stream().limit(5).forEach(System.out::println);
        assertThat(urls).hasSizeGreaterThan(5000);
        assertThat(changed).as("ids the library would change").isNotEmpty()
                .anySatisfy(c -> assertThat(c).contains("highlight=").endsWith("?highlight"));
    }

    @Test
    void ourCanonicalFormIsAFixedPointOnEveryCorpusUrl() {
        List<String> moving = new ArrayList<>();
        for (String url : CorpusUrls.all()) {
            String once = CanonicalUrl.canonicalize(url);
            if (!CanonicalUrl.canonicalize(once).equals(once)) {
                moving.add(url);
            }
        }
        assertThat(moving).isEmpty();
    }
}
