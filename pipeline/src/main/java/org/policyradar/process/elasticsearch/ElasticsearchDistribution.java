package org.policyradar.process.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integ-test distribution zip from Maven Central, unpacked once into {@code homeRoot/<zip name>}: later calls
 * find the {@code .unpacked} marker and reuse it. Unpacking goes to a staging directory first, so an interrupted
 * unpack never leaves a half home that looks complete.
 */
public final class ElasticsearchDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);

    private final Path zip;

    /** @param zip the {@code elasticsearch-<v>.zip} the build copied from Maven Central (null: not built) */
    public ElasticsearchDistribution(Path zip) {
        this.zip = zip;
    }

    /** The unpacked home under {@code homeRoot}, unpacking it on first use. */
    public Path home(Path homeRoot) throws IOException {
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new IllegalStateException("the Elasticsearch distribution zip " + zip + " is missing; "
                    + "build the project first (mvn -DskipTests package copies it from Maven Central)");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path home = homeRoot.resolve(name);
        if (Files.exists(home.resolve(".unpacked"))) {
            return home;
        }
        Path staging = Files.createDirectories(homeRoot.resolve(name + ".partial"));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                extract(entries, entry, staging);
            }
        }
        if (Files.exists(home)) {
            deleteTree(home);
        }
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(home.resolve(".unpacked"), Instant.now().toString());
        LOG.info("event=es_unpacked home={}", home);
        return home;
    }

    private static void extract(ZipInputStream entries, ZipEntry entry, Path staging) throws IOException {
        String entryName = entry.getName();
        int slash = entryName.indexOf('/');
        String relative = slash >= 0 ? entryName.substring(slash + 1) : entryName; // drop elasticsearch-<v>/
        if (relative.isEmpty()) {
            return;
        }
        Path target = staging.resolve(relative).normalize();
        if (!target.startsWith(staging)) {
            throw new IOException("zip entry escapes the target directory: " + entryName);
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
        // java.util.zip drops Unix modes: scripts and native launchers live in bin/ directories.
        if (target.getParent().getFileName().toString().equals("bin")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
