package org.policyradar.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFs written by PDFBox for tests: one page per list of paragraphs, each paragraph hard-wrapped into lines as a word
 * processor would, paragraphs separated by a blank line. Chinese needs a CJK font: WenQuanYi Zen Hei
 * ({@code fonts-wqy-zenhei}, installed by {@code .ci/run}).
 */
public final class TestPdfs {
    private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private TestPdfs() {
    }

    public static boolean cjkFontAvailable() {
        return Files.isRegularFile(CJK_FONT);
    }

    /** Latin text in Helvetica. */
    public static byte[] latin(List<List<String>> pages) {
        return write(pages, Optional.empty(), 80);
    }

    /** Chinese text in WenQuanYi Zen Hei; lines wrapped at 30 characters. */
    public static byte[] chinese(List<List<String>> pages) {
        if (!cjkFontAvailable()) {
            throw new IllegalStateException("no CJK font at " + CJK_FONT + ": apt-get install fonts-wqy-zenhei");
        }
        return write(pages, Optional.of(CJK_FONT), 30);
    }

    private static byte[] write(List<List<String>> pages, Optional<Path> ttc, int width) {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection collection = ttc.isPresent() ? new TrueTypeCollection(ttc.get().toFile()) : null) {
            PDFont font = collection != null ? PDType0Font.load(doc, collection.getFontByName("WenQuanYiZenHei"), true)
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> paragraphs : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    out.beginText();
                    out.setFont(font, 11);
                    out.setLeading(14);
                    out.newLineAtOffset(50, 740);
                    for (String paragraph : paragraphs) {
                        for (String line : wrap(paragraph, width, collection != null)) {
                            out.showText(line);
                            out.newLine();
                        }
                        out.newLine();
                        out.newLine();
                    }
                    out.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, int width, boolean byCharacter) {
        List<String> lines = new ArrayList<>();
        if (byCharacter) {
            for (int i = 0; i < text.length(); i += width) {
                lines.add(text.substring(i, Math.min(text.length(), i + width)));
            }
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
