package org.policyradar.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFilesTest {
    @TempDir
    Path dir;

    static final class Problem extends RuntimeException {
        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Pair(String name, int weight, List<String> tags) {
    }

    private final YamlFiles yaml = new YamlFiles(Problem::new);

    @Test
    void aSyntaxErrorIsOneLineWithFileLineColumnAndTheCallersException() throws Exception {
        Path f = Files.writeString(dir.resolve("x.yaml"), "a: 1\nb: [unclosed\n");
        assertThatThrownBy(() -> yaml.readMap(f)).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith(f + ":")
                        .containsPattern("not valid YAML at line \\d+, column \\d+").contains("check the indentation"));
        Path list = Files.writeString(dir.resolve("l.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> yaml.readMap(list)).isInstanceOf(Problem.class).hasMessage(list + ": the top level must be a map");
        assertThat(yaml.readMap(Files.writeString(dir.resolve("e.yaml"), "# nothing\n"))).isEmpty();
    }

    @Test
    void bindingIntoARecordIsStrictAndNamesWhereItFailed() throws Exception {
        Pair p = yaml.readValue("p.yaml", in("name: a\nweight: 2\ntags: [x]\n"), Pair.class, "a pair", "see the docs");
        assertThat(p).isEqualTo(new Pair("a", 2, List.of("x")));
        assertThatThrownBy(() -> yaml.readValue("p.yaml", in("name: a\ncolour: red\nweight: 1\n"), Pair.class, "a pair", "see the docs"))
                .isInstanceOf(Problem.class)
                .hasMessageStartingWith("p.yaml: not a pair at line")
                .hasMessageContaining("(key 'colour')").hasMessageEndingWith("; fix: see the docs");
        assertThatThrownBy(() -> yaml.readValue("p.yaml", in("name: a\nweight: ~\n"), Pair.class, "a pair", "see the docs"))
                .isInstanceOf(Problem.class).hasMessageStartingWith("p.yaml: not a pair at line")
                .hasMessageContaining("(key 'weight')");
        assertThatThrownBy(() -> yaml.readValue("p.yaml", in("tags: [x, [y]]\n"), Pair.class, "a pair", "see the docs"))
                .hasMessageContaining("(key 'tags[1]')");
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
