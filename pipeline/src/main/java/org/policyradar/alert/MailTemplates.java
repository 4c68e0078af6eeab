package org.policyradar.alert;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTML of alert mails, from the Mustache templates in {@code org/policyradar/alert/mail/} (JMustache; every
 * {@code {{value}}} is HTML-escaped). {@code layout.mustache} frames every mail (title, why it fired, source, links);
 * the body is {@code <kind>.mustache} when there is one and {@code items.mustache} otherwise, so a new alert kind
 * needs at most one template.
 */
final class MailTemplates {
    private static final String DIR = "/org/policyradar/alert/mail/";
    private static final String FALLBACK_BODY = "items";

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).nullValue("").zeroIsFalse(true).emptyStringIsFalse(true)
            .withLoader(name -> reader(name).orElseThrow(() -> new IllegalStateException("mail template missing: " + DIR + name + ".mustache")));
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    String html(MailView view) {
        String body = template(exists(view.kind()) ? view.kind() : FALLBACK_BODY).execute(view);
        return template("layout").execute(Map.of("mail", view, "body", body));
    }

    private Template template(String name) {
        return compiled.computeIfAbsent(name, n -> compiler.compile(reader(n)
                .orElseThrow(() -> new IllegalStateException("mail template missing: " + DIR + n + ".mustache"))));
    }

    private static boolean exists(String name) {
        return name.matches("[a-z0-9-]+") && MailTemplates.class.getResource(DIR + name + ".mustache") != null;
    }

    private static java.util.Optional<Reader> reader(String name) {
        InputStream in = MailTemplates.class.getResourceAsStream(DIR + name + ".mustache");
        return in == null ? java.util.Optional.empty() : java.util.Optional.of(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

}
