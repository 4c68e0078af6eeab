package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two candidates with equal scores: the same page must give the same text on every extraction (it once depended on hash order). */
class ExtractionDeterminismTest {
    private static final String LOOSE = """
                    The plan
                    sets targets for base stations, data centres and fibre, and every province
                    reports on it each year to the ministry, with figures for coverage, speed
                    and investment, broken down by city and county.
            """;

    @Test
    void equalCandidatesGiveTheSameTextEveryTime() {
        String html = "<!DOCTYPE html><html><head><title>Plan: an overview</title></head><body><article>\n"
                + "<h1>Plan: the headline differs from the title</h1>\n<div>" + LOOSE + "</div>\n<div>" + LOOSE + "</div>\n</article></body></html>";
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            texts.add(new DensityArticleExtractor().extract(html, "http://example.org/").text());
        }
        assertThat(texts).hasSize(1);
        assertThat(texts.iterator().next()).contains("every province reports on it each year");
    }
}
