package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.TestPdfs;

/** PDF attachments read with PDFBox within their limits; what cannot be read is refused with the reason. */
class PdfDocumentExtractorTest {
    private static final String PLAN = "The plan sets a target of 38 base stations per 10,000 people by 2027, and every member state "
            + "reports on its progress to the Commission each year.";
    private final PdfDocumentExtractor pdf = new PdfDocumentExtractor(PdfDocumentExtractor.Limits.defaults(), Clock.systemUTC());

    @Test
    void recognisesPdfByBytesOrDeclaredType() {
        byte[] doc = TestPdfs.latin(List.of(List.of(PLAN)));
        assertThat(pdf.documentType(doc, "application/octet-stream")).contains("application/pdf");
        assertThat(pdf.documentType(doc, "text/html")).contains("application/pdf");
        assertThat(pdf.documentType("garbage".getBytes(), "application/pdf; qs=0.9")).contains("application/pdf");
        assertThat(pdf.documentType("<html><p>%PDF-1.7</p>".getBytes(), "text/html")).isEmpty();
    }

    @Test
    void wrappedLinesComeBackAsParagraphs() throws Exception {
        Article a = pdf.extract(TestPdfs.latin(List.of(List.of("Digital Decade policy programme", PLAN),
                List.of("Member states report on quantum computing and cyber security capacity on the second page."))), "application/pdf");
        assertThat(a.text()).contains(PLAN).contains("Digital Decade policy programme")
                .contains("Member states report on quantum computing and cyber security capacity on the second page.");
        assertThat(a.text().lines().filter(l -> !l.isBlank()).count()).isEqualTo(3);
        assertThat(a.title()).isNull(); // the listing's link text names the document
    }

    @Test
    void chineseTextIsJoinedWithoutSpacesAndTaggedZh() throws Exception {
        if (!TestPdfs.cjkFontAvailable()) {
            System.out.println("PdfDocumentExtractorTest: no CJK font (fonts-wqy-zenhei), Chinese PDF not generated");
            return;
        }
        String zh = "为加快5G网络建设，推动5G基站共建共享，到2027年每万人拥有5G基站数达到38个，各省每年报告落实情况。";
        Article a = pdf.extract(TestPdfs.chinese(List.of(List.of("关于推进5G网络建设的通知", zh))), "application/pdf");
        assertThat(a.text()).contains(zh).contains("关于推进5G网络建设的通知");
        assertThat(a.lang()).isEqualTo("zh");
    }

    @Test
    void pagesBeyondTheCapAreLeftOut() throws Exception {
        PdfDocumentExtractor twoPages = new PdfDocumentExtractor(
                new PdfDocumentExtractor.Limits(1 << 20, 2, Duration.ofSeconds(20), 1 << 24), Clock.systemUTC());
        Article a = twoPages.extract(TestPdfs.latin(List.of(List.of("First page text."), List.of("Second page text."),
                List.of("Third page text."))), "application/pdf");
        assertThat(a.text()).contains("First page text.").contains("Second page text.").doesNotContain("Third");
    }

    @Test
    void tooLargeTooSlowDamagedOrEmptyIsRefusedWithTheReason() {
        byte[] doc = TestPdfs.latin(List.of(List.of(PLAN), List.of(PLAN)));
        PdfDocumentExtractor small = new PdfDocumentExtractor(
                new PdfDocumentExtractor.Limits(1000, 500, Duration.ofSeconds(20), 1 << 24), Clock.systemUTC());
        assertThatThrownBy(() -> small.extract(doc, "application/pdf"))
                .hasMessageContaining("PDF content served as application/pdf").hasMessageContaining("larger than the limit of 1000");

        AtomicLong seconds = new AtomicLong();
        Clock jumping = new Clock() { // every reading is a minute later: the first check after loading is past the limit
            @Override
            public Instant instant() {
                return Instant.EPOCH.plusSeconds(seconds.getAndAdd(60));
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        PdfDocumentExtractor slow = new PdfDocumentExtractor(PdfDocumentExtractor.Limits.defaults(), jumping);
        assertThatThrownBy(() -> slow.extract(doc, null)).hasMessageContaining("not read within 20 s");

        assertThatThrownBy(() -> pdf.extract("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(), "text/html"))
                .hasMessageContaining("PDF content served as text/html").hasMessageContaining("unreadable");
        assertThatThrownBy(() -> pdf.extract(TestPdfs.latin(List.of(List.of())), "application/pdf"))
                .hasMessageContaining("no text");
    }
}
