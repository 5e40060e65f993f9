package org.sngw.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sngw.RequiredTool;

/**
 * A test CA with a server and a client certificate, made by the {@code openssl} command in a
 * directory (a {@code @TempDir}); all keys are unencrypted PKCS#8 PEM. The server certificate is
 * for {@code 127.0.0.1} and {@code localhost}, so hostname verification passes on loopback. The CA
 * and client keys are EC P-256, the server key RSA 2048, so both key types are covered. Tests that
 * call {@link #create} are skipped where {@code openssl} is not installed.
 */
public final class TestCertificates {
  private static final String CONFIG =
      """
      [req]
      distinguished_name = dn
      prompt = no
      [dn]
      CN = unused
      [ca]
      basicConstraints = critical, CA:TRUE
      keyUsage = critical, keyCertSign, cRLSign
      subjectKeyIdentifier = hash
      [server]
      basicConstraints = CA:FALSE
      subjectAltName = IP:127.0.0.1, DNS:localhost
      extendedKeyUsage = serverAuth
      [client]
      basicConstraints = CA:FALSE
      extendedKeyUsage = clientAuth
      """;

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** Makes the CA, server and client files in {@code dir}; needs openssl ({@link RequiredTool}). */
  public static TestCertificates create(Path dir) {
    RequiredTool.require(opensslInstalled(), "openssl", "openssl");
    TestCertificates certificates = new TestCertificates(dir);
    certificates.make();
    return certificates;
  }

  public Path caCert() {
    return dir.resolve("ca.pem");
  }

  public Path caKey() {
    return dir.resolve("ca.key");
  }

  /** For CN=localhost, with subjectAltName IP:127.0.0.1 and DNS:localhost. */
  public Path serverCert() {
    return dir.resolve("server.pem");
  }

  /** RSA 2048, PKCS#8. */
  public Path serverKey() {
    return dir.resolve("server.key");
  }

  /** For CN=sngw-client, signed by the CA. */
  public Path clientCert() {
    return dir.resolve("client.pem");
  }

  /** EC P-256, PKCS#8. */
  public Path clientKey() {
    return dir.resolve("client.key");
  }

  /** Runs {@code openssl} with {@code args} in the certificates' directory; fails on a non-zero exit. */
  public void openssl(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroy();
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void make() {
    try {
      Files.writeString(dir.resolve("openssl.cnf"), CONFIG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ecKey("ca.key");
    openssl("req", "-x509", "-config", "openssl.cnf", "-extensions", "ca", "-key", "ca.key",
        "-subj", "/CN=sngw test CA", "-days", "3650", "-sha256", "-out", "ca.pem");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "server.key");
    sign("server", "/CN=localhost", 2);
    ecKey("client.key");
    sign("client", "/CN=sngw-client", 3);
  }

  private void ecKey(String file) {
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
  }

  private void sign(String name, String subject, int serial) {
    openssl("req", "-new", "-config", "openssl.cnf", "-key", name + ".key", "-subj", subject, "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-set_serial", Integer.toString(serial), "-days", "3650", "-sha256",
        "-extfile", "openssl.cnf", "-extensions", name, "-out", name + ".pem");
  }

  private static boolean opensslInstalled() {
    try {
      Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
