package org.policyradar.extract;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF attachments through Apache PDFBox, recognised by their {@code %PDF-} bytes or their declared type, and read
 * within limits: a size cap, a page cap (later pages are left out of the text) and a time
 * limit checked as text is produced, so a pathological document costs that document only. Hard-wrapped lines are
 * joined into paragraphs (without a space between two Chinese characters), so that word diffs of tracked documents
 * and the classifier see sentences, not line ends.
 */
public final class PdfDocumentExtractor implements DocumentExtractor {
    /** Bounds on one document. */
    public record Limits(long maxBytes, int maxPages, Duration timeLimit, long scratchMemoryBytes) {
        public static Limits defaults() {
            return new Limits(20L * 1024 * 1024, 500, Duration.ofSeconds(20), 64L * 1024 * 1024);
        }
    }

    private final Limits limits;
    private final Clock clock;

    public PdfDocumentExtractor(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Optional<String> documentType(byte[] body, String declaredContentType) {
        String type = declaredContentType == null ? "" : declaredContentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        boolean magic = body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F' && body[4] == '-';
        return magic || type.equals("application/pdf") || type.equals("application/x-pdf") ? Optional.of("application/pdf") : Optional.empty();
    }

    @Override
    public Article extract(byte[] body, String declaredContentType) throws UnreadableDocumentException {
        String what = "PDF content" + (declaredContentType == null ? "" : " served as " + declaredContentType.strip());
        if (body.length > limits.maxBytes()) {
            throw new UnreadableDocumentException(what + ": " + body.length + " bytes, larger than the limit of " + limits.maxBytes(), null);
        }
        Instant deadline = clock.instant().plus(limits.timeLimit());
        try (PDDocument doc = Loader.loadPDF(body, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.scratchMemoryBytes()).streamCache)) {
            BoundedStripper stripper = new BoundedStripper(deadline, clock);
            stripper.setEndPage(Math.min(doc.getNumberOfPages(), limits.maxPages()));
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n\n");
            String text = joinWrappedLines(stripper.getText(doc));
            if (text.isBlank()) {
                throw new UnreadableDocumentException(what + ": no text (a scanned document without a text layer?)", null);
            }
            return new Article(null, text, null, PageMetadata.cjkShare(text) > 0.3 ? "zh" : null);
        } catch (TimeLimitExceeded e) {
            throw new UnreadableDocumentException(what + ": not read within " + limits.timeLimit().toSeconds() + " s", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(what + ": unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Lines within a paragraph joined: nothing between two CJK characters, a space otherwise. */
    static String joinWrappedLines(String raw) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : raw.replace("\r", "").split("\n\\s*\n")) {
            StringBuilder p = new StringBuilder();
            for (String line : paragraph.split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (!p.isEmpty()) {
                    boolean cjk = isCjk(p.codePointBefore(p.length())) && isCjk(l.codePointAt(0));
                    if (!cjk) {
                        p.append(' ');
                    }
                }
                p.append(l);
            }
            if (!p.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(p);
            }
        }
        return out.toString();
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    private static final class TimeLimitExceeded extends IOException {
        TimeLimitExceeded() {
            super("time limit exceeded");
        }
    }

    /** Checks the deadline at every page and every run of text: PDFBox itself has no time limit. */
    private static final class BoundedStripper extends PDFTextStripper {
        private final Instant deadline;
        private final Clock clock;

        BoundedStripper(Instant deadline, Clock clock) {
            this.deadline = deadline;
            this.clock = clock;
        }

        private void check() throws TimeLimitExceeded {
            if (clock.instant().isAfter(deadline)) {
                throw new TimeLimitExceeded();
            }
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            check();
            super.startPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            check();
            super.writeString(text, positions);
        }
    }
}
