package org.policyradar.extract;

import java.time.Instant;

/** The main content of an article page: title, body text (paragraphs separated by newlines), date, language. */
public record Article(String title, String text, Instant published, String lang) {
}
