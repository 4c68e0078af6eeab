package org.policyradar.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) in front of an Elasticsearch, as a secured cluster is reached: TLS with a
 * certificate made here for 127.0.0.1 (openssl), and one port that checks basic authentication, another that checks
 * an {@code Authorization: ApiKey …} header. Started on free loopback ports in a directory of its own; a missing
 * nginx is an error saying how to install it, never a skipped test.
 */
public final class NginxTlsProxy implements AutoCloseable {
    private final Path dir;
    private final Process process;
    private final int basicPort;
    private final int apiKeyPort;

    /**
     * @param target   the Elasticsearch behind it, {@code http://127.0.0.1:PORT}
     * @param user     the basic-auth user it accepts, with {@code password}
     * @param apiKey   the API key (base64 {@code id:key}) it accepts
     */
    public NginxTlsProxy(Path dir, String target, String user, String password, String apiKey) throws IOException, InterruptedException {
        String nginx = nginx();
        this.dir = Files.createDirectories(dir);
        // Readable by nginx's workers (they run as nobody when we are root) and nobody else needs more.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("ca.pem").toString()));
        Files.writeString(dir.resolve("htpasswd"), user + ":{SHA}" + sha1Base64(password) + "\n");
        basicPort = freePort();
        apiKeyPort = freePort();
        String upstream = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        String tls = "ssl_certificate %s; ssl_certificate_key %s;".formatted(dir.resolve("ca.pem"), dir.resolve("key.pem"));
        String proxy = "proxy_pass %s; proxy_set_header Authorization \"\"; proxy_http_version 1.1; proxy_set_header Connection \"\";"
                .formatted(upstream);
        Files.writeString(dir.resolve("nginx.conf"), """
                %s
                daemon off;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log %s/access.log;
                  client_body_temp_path %s/body; proxy_temp_path %s/proxy; fastcgi_temp_path %s/fcgi;
                  uwsgi_temp_path %s/uwsgi; scgi_temp_path %s/scgi;
                  client_max_body_size 200m;
                  server {
                    listen 127.0.0.1:%d ssl; %s
                    location / { auth_basic "elasticsearch"; auth_basic_user_file %s/htpasswd; %s }
                  }
                  server {
                    listen 127.0.0.1:%d ssl; %s
                    location / {
                      if ($http_authorization != "ApiKey %s") { return 401; }
                      %s
                    }
                  }
                }
                """.formatted("root".equals(System.getProperty("user.name")) ? "user nobody nogroup;" : "",
                dir, dir, dir, dir, dir, dir, dir, dir, basicPort, tls, dir, proxy, apiKeyPort, tls, apiKey, proxy));
        process = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        awaitListening(basicPort);
        awaitListening(apiKeyPort);
    }

    public String basicAuthUrl() {
        return "https://127.0.0.1:" + basicPort;
    }

    public String apiKeyUrl() {
        return "https://127.0.0.1:" + apiKeyPort;
    }

    /** The certificate the proxy serves, as the CA file the client trusts (PEM). */
    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    private static String nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed: the secured-cluster tests need it "
                + "(Debian: apt-get install -y nginx; .ci/run installs it)");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
    }

    private static String sha1Base64(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                Path log = dir.resolve("error.log");
                throw new IllegalStateException("nginx exited " + process.exitValue() + ": " + Files.readString(dir.resolve("nginx.out"))
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
