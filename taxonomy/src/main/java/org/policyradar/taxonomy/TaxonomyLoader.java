package org.policyradar.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.policyradar.yaml.YamlFiles;

/**
 * Reads a taxonomy YAML file and validates it (see {@link TaxonomyValidator}). The default taxonomy ships as a
 * classpath resource; analysts can load an edited copy from disk with {@link #load(Path)} without rebuilding.
 */
public final class TaxonomyLoader {

    public static final String DEFAULT_RESOURCE = "org/policyradar/taxonomy/taxonomy.yaml";

    /** The file as written; validation turns it into a {@link Taxonomy}. */
    record TaxonomyFile(String version, List<Topic> topics, List<Entity> entities, List<SignalType> signals, List<Theme> themes) {
        TaxonomyFile {
            themes = themes == null ? List.of() : themes;
            topics = topics == null ? List.of() : topics;
            entities = entities == null ? List.of() : entities;
            signals = signals == null ? List.of() : signals;
        }
    }

    private static final YamlFiles YAML = new YamlFiles(TaxonomyException::new);

    private TaxonomyLoader() {
    }

    public static Taxonomy loadDefault() {
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException("classpath:" + DEFAULT_RESOURCE + ": not found; fix: put the taxonomy module on the classpath");
            }
            return parse("classpath:" + DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Taxonomy load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaxonomyException(file + ": no such file; fix: pass the path of a taxonomy YAML file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new TaxonomyException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses and validates YAML text; {@code source} names it in error messages. */
    public static Taxonomy parse(String source, InputStream yaml) throws IOException {
        TaxonomyFile file = YAML.readValue(source, yaml, TaxonomyFile.class, "a valid taxonomy file",
                "compare with the format in taxonomy/README.md");
        if (file == null) {
            throw new TaxonomyException(source + ": file is empty; fix: define at least the six evaluated topics");
        }
        new TaxonomyValidator(source).validate(file);
        return new Taxonomy(source, file.version(), file.topics(), file.entities(), file.signals(), file.themes());
    }
}
