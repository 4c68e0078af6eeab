package org.policyradar.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every URL in the shared corpus: the labelled items' links and every http(s) URL in the feeds and html pages. */
public final class CorpusUrls {
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e&&[^\"'<>\\\\\\]\\[`{}|^]]+");

    private CorpusUrls() {
    }

    public static List<String> all() {
        Path corpus = SharedCorpus.required("corpus");
        TreeSet<String> urls = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(corpus.resolve("labels/dev.jsonl"), StandardCharsets.UTF_8)) {
                String link = json.readTree(line).path("link").asText();
                if (!link.isBlank()) {
                    urls.add(link);
                }
            }
            for (String dir : List.of("feeds", "html")) {
                try (Stream<Path> files = Files.list(corpus.resolve(dir))) {
                    for (Path f : files.sorted().toList()) {
                        // URLs are ASCII whatever the file's charset; entities as the XML or HTML wrote them are undone
                        Matcher m = URL.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                        while (m.find()) {
                            urls.add(m.group().replace("&amp;", "&").replaceAll("[.,;:)]+$", ""));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(urls);
    }
}
