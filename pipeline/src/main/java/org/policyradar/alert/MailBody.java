package org.policyradar.alert;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of an alert mail: {@code multipart/alternative} with the plain text ({@link Alert#text()}) and the HTML
 * from the templates; a digest's HTML comes in {@code multipart/related} with its trend chart as an inline image
 * ({@code cid:trend-chart}), so the chart shows without loading anything from the network.
 */
final class MailBody {
    private static final Logger LOG = LoggerFactory.getLogger(MailBody.class);
    static final String CHART_CID = "trend-chart";

    private final MailTemplates templates = new MailTemplates();

    MimeMultipart of(Alert alert) throws MessagingException {
        byte[] chart = chart(alert);
        String html = templates.html(MailView.of(alert, chart == null ? null : CHART_CID));
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(alert.text(), "UTF-8");
        alternative.addBodyPart(plain);
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        if (chart == null) {
            alternative.addBodyPart(htmlPart);
            return alternative;
        }
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(htmlPart);
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(chart, "image/png")));
        image.setContentID("<" + CHART_CID + ">");
        image.setDisposition(MimeBodyPart.INLINE);
        image.setFileName(CHART_CID + ".png");
        related.addBodyPart(image);
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(related);
        alternative.addBodyPart(wrapper);
        return alternative;
    }

    /** The digest's chart, or null (no trend, or it could not be drawn: the mail goes out without it). */
    private static byte[] chart(Alert alert) {
        if (alert.trend() == null || alert.trend().isEmpty()) {
            return null;
        }
        try {
            return TrendChart.png(alert.trend());
        } catch (RuntimeException | LinkageError e) {
            // e.g. a JVM without fonts: AWT fails to draw; the digest's text is still worth sending
            LOG.warn("event=digest_chart_failed alert={} reason=\"{}\"", alert.id(), String.valueOf(e).replace('"', '\''));
            return null;
        }
    }
}
