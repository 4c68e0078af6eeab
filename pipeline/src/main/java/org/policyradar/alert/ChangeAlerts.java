package org.policyradar.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policyradar.change.PageVersion;
import org.policyradar.change.VersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan adjustments: one {@code change} alert per changed version stored by the change tracker, keyed by page and
 * version, so a re-evaluation raises nothing new. First versions are not changes and raise nothing.
 */
final class ChangeAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeAlerts.class);
    static final int MAX_VERSIONS = 500;

    private final VersionStore versions;
    private final AlertStore store;
    private final AlertFactory factory;

    ChangeAlerts(VersionStore versions, AlertStore store, AlertFactory factory) {
        this.versions = versions;
        this.store = store;
        this.factory = factory;
    }

    static String key(PageVersion v) {
        return "change:" + v.itemId() + ":v" + v.version();
    }

    /** @return the alerts raised now for versions fetched within {@link Deliverer#MAX_AGE} */
    List<Alert> evaluate(Instant now) {
        List<PageVersion> changed = versions.changedBetween(now.minus(Deliverer.MAX_AGE), now, MAX_VERSIONS).stream()
                .filter(v -> v.itemId() != null && v.url() != null).toList(); // not written by the tracker
        Set<String> known = store.existing(changed.stream().map(ChangeAlerts::key).toList());
        List<Alert> raised = new ArrayList<>();
        for (PageVersion v : changed) {
            String key = key(v);
            if (known.contains(key)) {
                continue;
            }
            Alert a = factory.change(v, key, now, topicOf(v.changeSummary()));
            if (store.raise(a)) {
                LOG.info("event=alert_raised type=change source={} url={} version={}", v.source() == null ? null : v.source().id(),
                        v.url(), v.version());
                raised.add(a);
            }
        }
        return raised;
    }

    /** The first topic the summary names ("[5g] …"), for filtering alerts by topic. */
    private static String topicOf(String summary) {
        if (summary == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("(?m)^\\[([a-z0-9_-]+)] ").matcher(summary);
        return m.find() ? m.group(1) : null;
    }
}
