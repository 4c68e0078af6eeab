package org.policyradar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} run headless on a local HTML file: a screenshot PNG and the DOM after rendering. Each
 * run gets a new empty profile; networking extras (sync, component updates, QUIC) are off, so a render never
 * leaves loopback. Missing chromium is a failure, not a skip: {@code .ci/run} installs it.
 */
public final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private final Path binary;
    private final Path work;
    private final Path fontConfig;

    private HeadlessChromium(Path binary, Path work, Path fontConfig) {
        this.binary = binary;
        this.work = work;
        this.fontConfig = fontConfig;
    }

    /**
     * The same browser seeing none of the installed CJK fonts (a fontconfig listing only the other font
     * directories): what a machine without {@code fonts-wqy-zenhei} shows, for checking that a tofu check fails.
     */
    public HeadlessChromium withoutCjkFonts() throws IOException {
        StringBuilder dirs = new StringBuilder();
        for (String root : List.of("/usr/share/fonts/truetype", "/usr/share/fonts/opentype")) {
            Path r = Path.of(root);
            if (!Files.isDirectory(r)) {
                continue;
            }
            try (var children = Files.list(r)) {
                children.filter(Files::isDirectory)
                        .filter(d -> !d.getFileName().toString().matches("(?i).*(wqy|cjk|arphic|droid|han|zh).*"))
                        .forEach(d -> dirs.append("<dir>").append(d).append("</dir>"));
            }
        }
        Path config = Files.writeString(Files.createTempFile(work, "fonts-", ".conf"), "<?xml version=\"1.0\"?><fontconfig>" + dirs
                + "<cachedir>" + Files.createTempDirectory(work, "fontcache-") + "</cachedir></fontconfig>");
        return new HeadlessChromium(binary, work, config);
    }

    /** The installed browser, or an AssertionError saying how to install it. */
    public static HeadlessChromium find(Path work) {
        for (String c : CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return new HeadlessChromium(Path.of(c), work, null);
            }
        }
        throw new AssertionError("chromium not found (looked for " + CANDIDATES + "): the mail rendering tests need a real "
                + "headless browser and a CJK font; install them with: apt-get install -y chromium fonts-wqy-zenhei (.ci/run does)");
    }

    /** Renders the page and writes a PNG of {@code width}×{@code height} pixels. */
    public Path screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        run(html, "--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("chromium wrote no screenshot " + png);
        }
        return png;
    }

    /** The DOM as Chromium built it from the page. */
    public String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, "--dump-dom");
    }

    private String run(Path html, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path out = Files.createTempFile(work, "chromium-", ".out");
        Path err = Files.createTempFile(work, "chromium-", ".err");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        command.add(html.toUri().toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (fontConfig != null) {
            pb.environment().put("FONTCONFIG_FILE", fontConfig.toString());
        }
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish rendering " + html + " within 120 s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited " + p.exitValue() + " on " + html + ": " + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
