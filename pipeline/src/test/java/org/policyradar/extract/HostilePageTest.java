package org.policyradar.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.policyradar.testing.HostilePages;

/** Pages built to hurt: deep nesting, binary bytes, documents and images where HTML was expected, broken UTF-8. */
class HostilePageTest {
    private final PageContentCheck check = new PageContentCheck();

    @Test
    void aHundredThousandNestedDivsAreExtractedWithinLimits() {
        String html = HostilePages.deeplyNested(100_000);
        Article article = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new DensityArticleExtractor().extract(html, "http://deep.example/page.html"));
        assertThat(article.title()).isEqualTo("Deep");
        assertThat(article.text()).contains("5G base stations");
    }

    @Test
    void documentsImagesAndBinaryBytesAreRefusedWithTheirKind() {
        assertThat(check.refusal("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "text/html"))
                .hasValueSatisfying(r -> assertThat(r).contains("PDF").contains("served as text/html"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThat(check.refusal(png, "image/png")).hasValueSatisfying(r -> assertThat(r).contains("PNG image"));
        assertThat(check.refusal("<html>..".getBytes(StandardCharsets.UTF_8), "image/jpeg"))
                .hasValueSatisfying(r -> assertThat(r).contains("content type image/jpeg"));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThat(check.refusal(garbage, "text/html; charset=utf-8"))
                .hasValueSatisfying(r -> assertThat(r).contains("binary bytes"));
    }

    @Test
    void htmlWithBrokenUtf8OrUtf16OrNoTypePasses() {
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.writeBytes("<html><body><p>Cyber security ".getBytes(StandardCharsets.UTF_8));
        broken.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xFF});
        broken.writeBytes(" law adopted.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(check.refusal(broken.toByteArray(), "text/html; charset=utf-8")).isEmpty();
        String text = new HtmlDecoder().decode(broken.toByteArray(), "text/html; charset=utf-8", null);
        assertThat(text).contains("Cyber security").contains("law adopted.");
        assertThat(check.refusal("\uFEFF<html><p>数据安全</p></html>".getBytes(StandardCharsets.UTF_16LE), "text/html")).isEmpty();
        assertThat(check.refusal("<!doctype html><p>hello</p>".getBytes(StandardCharsets.UTF_8), null)).isEmpty();
        assertThat(check.refusal("<!doctype html><p>hello</p>".getBytes(StandardCharsets.UTF_8), "application/octet-stream")).isEmpty();
    }
}
