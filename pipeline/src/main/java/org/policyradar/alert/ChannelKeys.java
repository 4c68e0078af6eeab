package org.policyradar.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policyradar.yaml.YamlMap;

/** The {@code channels} list of alerts.yaml: webhooks and SMTP mail, the SMTP password from the environment. */
final class ChannelKeys {
    private static final Set<String> WEBHOOK_KEYS = Set.of("id", "type", "url");
    private static final Set<String> EMAIL_KEYS = Set.of("id", "type", "smtp", "from", "to");
    private static final Set<String> SMTP_KEYS = Set.of("host", "port", "starttls", "username", "password_env");

    private final Map<String, String> env;

    ChannelKeys(Map<String, String> env) {
        this.env = env;
    }

    List<AlertsConfig.Channel> channels(YamlMap root) {
        List<AlertsConfig.Channel> out = new ArrayList<>();
        for (YamlMap.Entry e : root.idEntries("channels", "channel", AlertsConfigLoader.ID,
                "must be a list of channels (type webhook or email)",
                "must be a map with keys id, type and url (webhook) or smtp, from, to (email)")) {
            String id = e.id();
            YamlMap node = e.map();
            String type = node.required("type");
            out.add(switch (type) {
                case "webhook" -> {
                    node.checkKeys(WEBHOOK_KEYS);
                    String url = node.required("url");
                    node.httpUrl("url", url, "https://hooks.example.org/T000/B000");
                    yield new AlertsConfig.Webhook(id, url);
                }
                case "email" -> email(id, node.checkKeys(EMAIL_KEYS));
                default -> throw node.problem("type", "'" + type + "' is not a channel type; use webhook or email");
            });
        }
        return out;
    }

    private AlertsConfig.Email email(String id, YamlMap node) {
        String shape = "is required: a map with host, port, starttls, username, password_env";
        YamlMap smtp = node.map("smtp", shape).orElseThrow(() -> node.problem("key 'smtp' " + shape));
        if (smtp.has("password")) {
            throw smtp.problem("password", "secrets are never read from alerts.yaml; name an environment variable in "
                    + "smtp.password_env");
        }
        smtp.checkKeys(SMTP_KEYS);
        String host = smtp.required("host");
        int port = smtp.wholeNumber("port", 1, 65535, 587);
        boolean starttls = smtp.bool("starttls", true);
        Optional<String> user = smtp.text("username");
        Optional<String> password = smtp.text("password_env").map(name -> {
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                throw smtp.problem("password_env", "environment variable " + name + " is not set; export it with the "
                        + "SMTP password or remove the key");
            }
            return value;
        });
        if (user.isPresent() != password.isPresent()) {
            throw smtp.problem("username", "SMTP authentication needs both smtp.username and smtp.password_env");
        }
        String from = node.required("from");
        mailbox(node, "from", from);
        List<String> to = node.strings("to");
        if (to.isEmpty()) {
            throw node.problem("key 'to' is required: a list of recipient addresses");
        }
        to.forEach(a -> mailbox(node, "to", a));
        return new AlertsConfig.Email(id, host, port, starttls, user, password, from, to);
    }

    private static void mailbox(YamlMap node, String key, String address) {
        if (!address.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            throw node.problem(key, "'" + address + "' is not an e-mail address such as radar@example.org");
        }
    }
}
