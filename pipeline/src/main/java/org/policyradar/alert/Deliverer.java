package org.policyradar.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.policyradar.index.ElasticsearchConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to the configured channels and records each channel's outcome on the alert. A channel that failed
 * stays pending and is tried again on the next run; a channel that succeeded is never sent the alert again. After
 * {@link #MAX_ATTEMPTS} failures a channel is marked failed and no longer tried.
 */
public final class Deliverer {
    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
    public static final int MAX_ATTEMPTS = 20;
    /** Alerts older than this are no longer delivered. */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The outcome of one delivery round. */
    public record Outcome(int delivered, int failed) {
    }

    private final AlertsConfig config;
    private final HttpClient http;
    private final ObjectMapper json = ElasticsearchConnection.objectMapper();

    public Deliverer(AlertsConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Delivers every pending alert to each configured channel that has not received it. */
    public Outcome deliverPending(AlertStore store, Instant now) {
        int ok = 0;
        int failed = 0;
        for (Alert alert : store.pending(now.minus(MAX_AGE))) {
            Map<String, Alert.Delivery> byChannel = new LinkedHashMap<>();
            if (alert.deliveries() != null) {
                alert.deliveries().forEach(d -> byChannel.put(d.channel(), d));
            }
            boolean all = true;
            boolean changed = false;
            for (AlertsConfig.Channel channel : config.channels()) {
                Alert.Delivery d = byChannel.get(channel.id());
                if (d != null && !Alert.Delivery.PENDING.equals(d.status())) {
                    continue; // delivered or given up
                }
                int attempts = d == null ? 1 : d.attempts() + 1;
                String recipient = AlertFactory.recipient(channel);
                changed = true;
                try {
                    send(channel, alert);
                    byChannel.put(channel.id(), new Alert.Delivery(channel.id(), recipient, Alert.Delivery.DELIVERED,
                            attempts, now, now, null));
                    ok++;
                    LOG.info("event=alert_delivered alert={} channel={} attempts={}", alert.id(), channel.id(), attempts);
                } catch (Exception e) {
                    String status = attempts >= MAX_ATTEMPTS ? Alert.Delivery.FAILED : Alert.Delivery.PENDING;
                    byChannel.put(channel.id(), new Alert.Delivery(channel.id(), recipient, status, attempts, now, null,
                            String.valueOf(e.getMessage())));
                    all &= !Alert.Delivery.PENDING.equals(status);
                    failed++;
                    LOG.warn("event=alert_delivery_failed alert={} channel={} attempts={} reason=\"{}\"", alert.id(),
                            channel.id(), attempts, e.getMessage());
                }
            }
            if (changed || all) {
                store.updateDeliveries(alert.withDeliveries(new ArrayList<>(byChannel.values()), all));
            }
        }
        return new Outcome(ok, failed);
    }

    /** Sends one alert to one channel; throws when the channel did not accept it. */
    public void send(AlertsConfig.Channel channel, Alert alert) throws Exception {
        switch (channel) {
            case AlertsConfig.Webhook w -> webhook(w, alert);
            case AlertsConfig.Email e -> email(e, alert);
        }
    }

    private void webhook(AlertsConfig.Webhook w, Alert alert) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", alert.text());
        body.put("alert", alert);
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alert.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String text = r.body() == null ? "" : r.body();
            throw new IOException("HTTP " + r.statusCode() + (text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
    }

    private static void email(AlertsConfig.Email e, Alert alert) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", e.host());
        p.put("mail.smtp.port", String.valueOf(e.port()));
        p.put("mail.smtp.starttls.enable", String.valueOf(e.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(e.starttls()));
        p.put("mail.smtp.auth", String.valueOf(e.username().isPresent()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT.toMillis()));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(e.from()));
        for (String to : e.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(alert.title().startsWith("[") ? alert.title() : "[PolicyRadar] " + alert.title(), "UTF-8");
        m.setText(alert.text(), "UTF-8");
        m.setHeader("X-PolicyRadar-Alert", alert.id());
        m.setSentDate(new Date());
        if (e.username().isPresent()) {
            Transport.send(m, e.username().get(), e.password().orElse(""));
        } else {
            Transport.send(m);
        }
    }
}
