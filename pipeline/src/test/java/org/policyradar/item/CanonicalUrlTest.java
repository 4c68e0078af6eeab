package org.policyradar.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {
    @Test
    void theSameStoryUnderDifferentSpellingsIsOneDocument() {
        String id = CanonicalUrl.documentId("https://www.example.org/news/a?id=7");
        assertThat(CanonicalUrl.documentId("HTTPS://WWW.Example.ORG:443/news/a/?utm_source=rss&id=7#comments")).isEqualTo(id);
        assertThat(CanonicalUrl.documentId("https://www.example.org/news/a?fbclid=x&id=7&utm_medium=feed")).isEqualTo(id);
    }

    @Test
    void differentStoriesStayApart() {
        assertThat(CanonicalUrl.documentId("https://www.example.org/news/a?id=7"))
                .isNotEqualTo(CanonicalUrl.documentId("https://www.example.org/news/a?id=8"))
                .isNotEqualTo(CanonicalUrl.documentId("http://www.example.org:8080/news/a?id=7"));
    }

    @Test
    void canonicalFormDropsOnlyNoise() {
        assertThat(CanonicalUrl.canonicalize("HTTP://Example.org:80/a/b/?b=2&a=1&utm_campaign=x#top"))
                .isEqualTo("http://example.org/a/b?a=1&b=2");
        assertThat(CanonicalUrl.canonicalize("https://example.org")).isEqualTo("https://example.org/");
    }
}
