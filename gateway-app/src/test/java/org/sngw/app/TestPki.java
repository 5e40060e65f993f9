package org.sngw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway certificate authority made with Debian's openssl: PEM files, RSA keys in unencrypted
 * PKCS#8 (what both Mosquitto and the bridge read), valid for two days.
 */
final class TestPki {
  private static final String INSTALL_HINT = "apt-get install openssl";

  private final Path dir;
  private final Path caCert;
  private final Path caKey;

  private TestPki(Path dir) {
    this.dir = dir;
    this.caCert = dir.resolve("ca.crt");
    this.caKey = dir.resolve("ca.key");
  }

  /** A certificate and its private key. */
  record Issued(Path cert, Path key) {}

  /** A new CA with its own key, in {@code dir}, named {@code commonName}. */
  static TestPki create(Path dir, String commonName) {
    TestPki pki = new TestPki(createDirectories(dir));
    pki.newKey(pki.caKey);
    openssl("req", "-x509", "-new", "-key", pki.caKey.toString(), "-subj", "/CN=" + commonName, "-days", "2",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-out", pki.caCert.toString());
    return pki;
  }

  Path caCert() {
    return caCert;
  }

  /** A server certificate for 127.0.0.1: the address is in the subject alternative names, as TLS checks it there. */
  Issued issueServer(String name) {
    return issue(name, "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  }

  Issued issueClient(String name) {
    return issue(name, "extendedKeyUsage=clientAuth\n");
  }

  /** A client certificate whose subject alternative names are {@code alternativeNames}, e.g. {@code DNS:host}. */
  Issued issueClient(String name, String alternativeNames) {
    return issue(name, "subjectAltName=" + alternativeNames + "\nextendedKeyUsage=clientAuth\n");
  }

  private Issued issue(String name, String extensions) {
    Path key = dir.resolve(name + ".key");
    Path request = dir.resolve(name + ".csr");
    Path cert = dir.resolve(name + ".crt");
    Path extensionFile = dir.resolve(name + ".ext");
    newKey(key);
    write(extensionFile, extensions);
    openssl("req", "-new", "-key", key.toString(), "-subj", "/CN=" + name, "-out", request.toString());
    // A random serial: -CAcreateserial would leave a serial file behind and repeat across CAs.
    openssl("x509", "-req", "-in", request.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
        "-set_serial", Long.toString(System.nanoTime() & Long.MAX_VALUE), "-days", "2",
        "-extfile", extensionFile.toString(), "-out", cert.toString());
    return new Issued(cert, key);
  }

  private void newKey(Path key) {
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
  }

  private static void openssl(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Commands.run(command, INSTALL_HINT);
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
