package org.policyradar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Texts that hold dates, from the shared corpus and the listing pages in test resources: every feed's date elements,
 * every element's own text (with a digit) of the corpus and extraction pages and the listing pages, every labelled
 * item's date, title and summary; and the body text of each page (what an article's date line is read from).
 */
public final class CorpusDateTexts {
    private static final Pattern FEED_DATE = Pattern.compile(
            "<(pubDate|dc:date|published|updated|lastBuildDate|issued|modified)[^>]*>([^<]{1,80})</\\1>");

    private CorpusDateTexts() {
    }

    public record Texts(List<String> snippets, List<String> bodies) {
    }

    public static Texts all(Path listingResources) {
        Path corpus = SharedCorpus.required("corpus");
        Set<String> snippets = new LinkedHashSet<>();
        List<String> bodies = new ArrayList<>();
        try {
            try (Stream<Path> feeds = Files.list(corpus.resolve("feeds"))) {
                for (Path f : feeds.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    Matcher m = FEED_DATE.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                    while (m.find()) {
                        snippets.add(m.group(2).strip());
                    }
                }
            }
            List<Path> pages = new ArrayList<>();
            for (Path dir : List.of(corpus.resolve("html"), corpus.resolve("extraction/pages"), listingResources)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
                }
            }
            for (Path page : pages) {
                Document doc = Jsoup.parse(page.toFile(), null);
                for (Element e : doc.getAllElements()) {
                    String own = e.ownText().strip();
                    if (!own.isEmpty() && own.length() < 300 && own.chars().anyMatch(Character::isDigit)) {
                        snippets.add(own);
                    }
                }
                if (doc.body() != null) {
                    bodies.add(doc.body().text());
                }
            }
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(corpus.resolve("labels/dev.jsonl"), StandardCharsets.UTF_8)) {
                JsonNode item = json.readTree(line);
                for (String field : List.of("date", "title", "summary")) {
                    if (!item.path(field).asText().isBlank()) {
                        snippets.add(item.path(field).asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Texts(List.copyOf(snippets), bodies);
    }
}
