package org.policyradar.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlMapTest {
    static final class Problem extends RuntimeException {
        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static YamlMap map(String yaml) throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return YamlMap.of("f.yaml: channel 'c'", node, Problem::new);
    }

    @Test
    void anUnknownKeyNamesTheFileEntryFullKeyAllowedKeysAndTheLikelyFix() throws Exception {
        assertThatThrownBy(() -> map("smtp: {host: h, prot: 25}\n").map("smtp", Set.of("host", "port")))
                .isInstanceOf(Problem.class)
                .hasMessage("f.yaml: channel 'c': key 'smtp.prot' is unknown; allowed keys of 'smtp': [host, port]; "
                        + "fix: remove or rename the unknown key 'prot' (did you mean 'port'?)");
        assertThatThrownBy(() -> map("colour: red\n").checkKeys(Set.of("id", "query")))
                .hasMessage("f.yaml: channel 'c': key 'colour' is unknown; allowed keys: [id, query]; "
                        + "fix: remove or rename the unknown key 'colour'");
    }

    @Test
    void valuesAreCheckedForPresenceTypeAndRangeWithOneMessageShape() throws Exception {
        YamlMap m = map("name: ' '\nlist: [a]\nport: 70000\nflag: yes please\nwait: 2h\nbad_wait: soon\ntags: [a, '']\n"
                + "id: Team Chat\n");
        assertThatThrownBy(() -> m.required("name")).hasMessage("f.yaml: channel 'c': key 'name' is required and missing or "
                + "empty; fix: give it a non-empty value");
        assertThatThrownBy(() -> m.required("list")).hasMessageContaining("key 'list' is required to be a single value");
        assertThatThrownBy(() -> m.wholeNumber("port", 1, 65535, 587))
                .hasMessage("f.yaml: channel 'c': key 'port': '70000' must be a whole number from 1 to 65535");
        assertThat(m.wholeNumber("absent", 1, 65535, 587)).isEqualTo(587);
        assertThatThrownBy(() -> m.bool("flag", true)).hasMessageContaining("key 'flag': 'yes please' must be true or false");
        assertThat(m.duration("wait", "duration", "30m")).contains(Duration.ofHours(2));
        assertThatThrownBy(() -> m.duration("wait", Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofHours(1), "from 1m to 1h"))
                .hasMessage("f.yaml: channel 'c': key 'wait': must be from 1m to 1h");
        assertThatThrownBy(() -> m.duration("bad_wait", "delay", "500ms or 1s"))
                .hasMessage("f.yaml: channel 'c': key 'bad_wait': 'soon' is not a delay; use e.g. 500ms or 1s");
        assertThatThrownBy(() -> m.strings("tags")).hasMessageContaining("key 'tags': every entry must be a non-empty string");
        assertThat(m.strings("list")).isEqualTo(List.of("a"));
        assertThatThrownBy(() -> m.id("id", IdRule.of("[a-z-]+", "lower-case letters and '-'", "team-chat")))
                .hasMessage("f.yaml: channel 'c': key 'id': 'Team Chat' must be lower-case letters and '-', e.g. team-chat");
        assertThatThrownBy(() -> m.httpUrl("u", "ftp://x", "https://hooks.example.org/x"))
                .hasMessageContaining("key 'u': 'ftp://x' is not a valid http(s) URL").hasMessageContaining("https://hooks");
    }
}
