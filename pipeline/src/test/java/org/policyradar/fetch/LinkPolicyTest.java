package org.policyradar.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkPolicyTest {
    private static final Map<String, String> DNS = Map.of(
            "www.miit.gov.cn", "203.0.113.10", "www.gov.cn", "203.0.113.11", "evil.example", "203.0.113.66",
            "metadata.internal", "169.254.169.254", "rebind.miit.gov.cn", "10.0.0.5", "intranet.local", "192.168.1.20");

    private final LinkPolicy policy = new LinkPolicy(host -> {
        String ip = DNS.get(host);
        if (ip == null) {
            try {
                return new InetAddress[] {InetAddress.getByName(host)}; // literal addresses only
            } catch (UnknownHostException e) {
                throw e;
            }
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    });

    private static final URI MIIT = URI.create("https://www.miit.gov.cn/zwgk/zcwj/index.html");

    @Test
    void linksOnTheSourcesOwnHostOrAllowedHostsAreFetched() {
        assertThat(policy.refusal(MIIT, List.of(), URI.create("https://www.miit.gov.cn/a/b.html"))).isEmpty();
        assertThat(policy.refusal(MIIT, List.of("www.gov.cn"), URI.create("http://www.gov.cn/zhengce/1.htm"))).isEmpty();
    }

    @Test
    void otherHostsSchemesAndNonPublicAddressesAreRefusedWithAReason() {
        assertThat(policy.refusal(MIIT, List.of(), URI.create("https://evil.example/x"))).get().asString().contains("allow_hosts");
        assertThat(policy.refusal(MIIT, List.of(), URI.create("file:///etc/passwd"))).get().asString().contains("scheme");
        assertThat(policy.refusal(MIIT, List.of("metadata.internal"), URI.create("http://metadata.internal/latest/meta-data")))
                .get().asString().contains("link-local");
        assertThat(policy.refusal(MIIT, List.of("169.254.169.254"), URI.create("http://169.254.169.254/")))
                .get().asString().contains("private");
        assertThat(policy.refusal(MIIT, List.of("rebind.miit.gov.cn"), URI.create("https://rebind.miit.gov.cn/")))
                .isPresent();
        assertThat(policy.refusal(MIIT, List.of("127.0.0.1"), URI.create("http://127.0.0.1:9200/_cluster/health"))).isPresent();
    }

    @Test
    void aSourceThatItselfPointsAtALocalAddressMayFollowLinksOnThatHostOnly() {
        URI local = URI.create("http://127.0.0.1:8080/list.html");
        assertThat(policy.refusal(local, List.of(), URI.create("http://127.0.0.1:8080/a.html"))).isEmpty();
        assertThat(policy.refusal(local, List.of("intranet.local"), URI.create("http://intranet.local/x"))).isPresent();
    }
}
