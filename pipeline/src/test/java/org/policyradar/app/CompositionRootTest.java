package org.policyradar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line only parses arguments and calls the application: no class of {@code cli} constructs a pipeline
 * stage (a fetcher, parser, extractor, reader, indexer, spool, store, tracker, alert engine…); {@link Radar} and
 * {@link IngestionPipeline} do. Read from the compiled classes' constant pools: every constructor a class calls (or
 * takes as {@code Foo::new}) is a {@code Methodref} to {@code <init>} there. Records are values, not stages.
 */
class CompositionRootTest {
    /** The packages whose classes are pipeline stages; their records (queries, outcomes, settings) are values. */
    private static final Set<String> STAGE_PACKAGES = Set.of("fetch", "parse", "extract", "listing", "route", "index", "spool",
            "change", "item", "health", "alert", "search", "check", "config");

    @Test
    void noCliClassConstructsAPipelineStage() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> classes = Files.list(classesDir().resolve("org/policyradar/cli"))) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                for (String constructed : stagesConstructedBy(c)) {
                    found.add(c.getFileName() + " constructs " + constructed);
                }
            }
        }
        assertThat(found).as("build these in org.policyradar.app (Radar, IngestionPipeline) and call them from the command").isEmpty();
    }

    @Test
    void theCheckSeesTheStagesTheCompositionRootConstructs() throws Exception {
        // the scan above would pass vacuously if it could not see constructions: it sees the pipeline's
        assertThat(stagesConstructedBy(classesDir().resolve("org/policyradar/app/IngestionPipeline.class")))
                .contains("org.policyradar.fetch.HttpFetcher", "org.policyradar.spool.ItemSpool", "org.policyradar.route.Ingestion")
                .doesNotContain("org.policyradar.config.RadarConfig");
    }

    private static Path classesDir() throws URISyntaxException {
        return Path.of(Radar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The non-record classes of the stage packages whose constructors {@code classFile} refers to. */
    private static Set<String> stagesConstructedBy(Path classFile) throws IOException, ClassNotFoundException {
        Set<String> out = new TreeSet<>();
        for (String name : constructorOwners(classFile)) {
            String[] parts = name.split("\\.");
            if (parts.length >= 3 && parts[0].equals("org") && parts[1].equals("policyradar") && STAGE_PACKAGES.contains(parts[2])
                    && !Class.forName(name, false, CompositionRootTest.class.getClassLoader()).isRecord()) {
                out.add(name);
            }
        }
        return out;
    }

    /** The classes owning the {@code <init>} method references in a class file's constant pool. */
    private static Set<String> constructorOwners(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            int[][] methodRefs = new int[count][];
            int[] nameOfNameAndType = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 7 -> classNames[i] = data.readUnsignedShort();
                    case 10, 11 -> methodRefs[i] = new int[] {data.readUnsignedShort(), data.readUnsignedShort()};
                    case 12 -> {
                        nameOfNameAndType[i] = data.readUnsignedShort();
                        data.readUnsignedShort();
                    }
                    case 3, 4 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++; // takes two entries
                    }
                    case 8, 16, 19, 20 -> data.readUnsignedShort();
                    case 9, 17, 18 -> data.readInt();
                    case 15 -> {
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag + " at " + i);
                }
            }
            Set<String> owners = new TreeSet<>();
            for (int[] ref : methodRefs) {
                if (ref != null && "<init>".equals(utf8[nameOfNameAndType[ref[1]]])) {
                    owners.add(utf8[classNames[ref[0]]].replace('/', '.'));
                }
            }
            return owners;
        }
    }
}
