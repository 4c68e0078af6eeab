package org.policyradar.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
        TaxonomyFile file;
        try {
            file = YAML.readValue(yaml, TaxonomyFile.class);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new TaxonomyException(source + ": not a valid taxonomy file" + where + ": " + e.getOriginalMessage()
                    + "; fix: compare with the format in taxonomy/README.md", e);
        }
        if (file == null) {
            throw new TaxonomyException(source + ": file is empty; fix: define at least the six evaluated topics");
        }
        new TaxonomyValidator(source).validate(file);
        return new Taxonomy(source, file.version(), file.topics(), file.entities(), file.signals(), file.themes());
    }
}
