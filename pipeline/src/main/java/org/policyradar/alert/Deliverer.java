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
 * Sends alerts to the channels they are addressed to and records each channel's outcome on the alert. A channel that
 * failed stays pending with {@code next_attempt} set by exponential backoff ({@link #backoff}: 1 min, doubling, at
 * most 1 h) and is tried again only once that time has come; a channel that succeeded is never sent the alert again.
 * An alert that still has a pending channel after {@link #MAX_AGE} is given up on for that channel (status
 * {@code failed}, the last error kept), so it stays visible in {@code radar alerts} instead of silently expiring.
 */
public final class Deliverer {
    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
    /** Pending deliveries are retried this long after the alert was raised, then marked failed. */
    public static final Duration MAX_AGE = Duration.ofDays(7);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The outcome of one delivery round. */
    public record Outcome(int delivered, int failed) {
    }

    private final AlertsConfig config;
    private final HttpClient http;
    private final ObjectMapper json = ElasticsearchConnection.objectMapper();
    private final MailBody mailBody = new MailBody();

    public Deliverer(AlertsConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The wait after the {@code attempts}-th failed attempt: 1 min, 2, 4, … capped at 1 h. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /** Delivers every pending alert to each addressed channel that has not received it and is due. */
    public Outcome deliverPending(AlertStore store, Instant now) {
        int ok = 0;
        int failed = 0;
        for (Alert alert : store.pending(Instant.EPOCH)) {
            try {
                Outcome o = deliver(store, alert, now);
                ok += o.delivered();
                failed += o.failed();
            } catch (RuntimeException e) {
                // one alert that cannot be recorded must not keep the others from being delivered
                failed++;
                LOG.warn("event=alert_delivery_record_failed alert={} reason=\"{}\"", alert.id(),
                        String.valueOf(e.getMessage()).replace('"', '\''));
            }
        }
        return new Outcome(ok, failed);
    }

    private Outcome deliver(AlertStore store, Alert alert, Instant now) {
        int ok = 0;
        int failed = 0;
        Map<String, Alert.Delivery> byChannel = new LinkedHashMap<>();
        if (alert.deliveries() != null) {
            alert.deliveries().forEach(d -> byChannel.put(d.channel(), d));
        }
        // An alert is addressed to the channels in its deliveries (a digest to its recipients only); an alert
        // recorded without any is addressed to every channel.
        boolean everyChannel = byChannel.isEmpty();
        boolean expired = alert.created() != null && alert.created().isBefore(now.minus(MAX_AGE));
        boolean all = true;
        boolean changed = false;
        for (AlertsConfig.Channel channel : config.channels()) {
            Alert.Delivery d = byChannel.get(channel.id());
            if (d == null && !everyChannel) {
                continue; // not addressed to this channel
            }
            if (d != null && !Alert.Delivery.PENDING.equals(d.status())) {
                continue; // delivered or given up
            }
            String recipient = AlertFactory.recipient(channel);
            if (expired) {
                byChannel.put(channel.id(), new Alert.Delivery(channel.id(), recipient, Alert.Delivery.FAILED,
                        d == null ? 0 : d.attempts(), d == null ? null : d.lastAttempt(), null, null,
                        "gave up: not delivered within " + MAX_AGE.toDays() + " days"
                                + (d == null || d.error() == null ? "" : "; last error: " + d.error())));
                changed = true;
                LOG.warn("event=alert_delivery_given_up alert={} channel={}", alert.id(), channel.id());
                continue;
            }
            if (d != null && d.nextAttempt() != null && now.isBefore(d.nextAttempt())) {
                all = false; // backing off
                continue;
            }
            int attempts = d == null ? 1 : d.attempts() + 1;
            changed = true;
            try {
                send(channel, alert);
                byChannel.put(channel.id(), new Alert.Delivery(channel.id(), recipient, Alert.Delivery.DELIVERED,
                        attempts, now, null, now, null));
                ok++;
                LOG.info("event=alert_delivered alert={} channel={} attempts={}", alert.id(), channel.id(), attempts);
            } catch (Exception e) {
                Instant next = now.plus(backoff(attempts));
                byChannel.put(channel.id(), new Alert.Delivery(channel.id(), recipient, Alert.Delivery.PENDING, attempts, now,
                        next, null, String.valueOf(e.getMessage())));
                all = false;
                failed++;
                LOG.warn("event=alert_delivery_failed alert={} channel={} attempts={} next_attempt={} reason=\"{}\"", alert.id(),
                        channel.id(), attempts, next, String.valueOf(e.getMessage()).replace('"', '\''));
            }
        }
        if (changed || all) {
            store.updateDeliveries(alert.withDeliveries(new ArrayList<>(byChannel.values()), all));
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
        body.put("text", AlertHtml.chatEscape(alert.text()));
        body.put("alert", alert);
        // <, >, & and ' are written as \\u escapes: the same JSON values, but no markup survives in the raw body.
        byte[] bytes = json.writer().with(AlertHtml.JSON_ESCAPES).writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alert.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String text = r.body() == null ? "" : r.body();
            throw new IOException("HTTP " + r.statusCode() + (text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
    }

    private void email(AlertsConfig.Email e, Alert alert) throws MessagingException {
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
        m.setContent(mailBody.of(alert)); // the plain text and the HTML from the templates (escaped)
        m.setHeader("X-PolicyRadar-Alert", alert.id());
        m.setSentDate(new Date());
        if (e.username().isPresent()) {
            Transport.send(m, e.username().get(), e.password().orElse(""));
        } else {
            Transport.send(m);
        }
    }
}
