package org.sngw.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes on loopback with what {@link TlsFiles} builds from {@link TestCertificates}:
 * the factories work with JSSE as a TLS client uses them, and the server certificate passes
 * hostname verification for 127.0.0.1.
 */
class TlsHandshakeIT {
  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() {
    certs = TestCertificates.create(dir);
  }

  @Test
  void handshake_mutualTlsWithHostnameVerification_succeeds() throws Exception {
    SSLContext client = context(Optional.of(certs.clientCert()), Optional.of(certs.clientKey()));

    try (SSLServerSocket server = server()) {
      CompletableFuture<String> peer = accept(server);
      try (SSLSocket socket = connect(client, server)) {
        socket.startHandshake();

        X509Certificate serverCert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        assertThat(serverCert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo("CN=sngw-client");
      }
    }
  }

  @Test
  void handshake_serverNotSignedByTheCa_isRefused() throws Exception {
    // Trusting only the JVM's CAs, the test CA's server certificate is unknown.
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, TlsFiles.trustManagers(Optional.empty()).getTrustManagers(), null);

    try (SSLServerSocket server = server()) {
      server.setNeedClientAuth(false);
      accept(server);
      try (SSLSocket socket = connect(client, server)) {
        assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
      }
    }
  }

  private static SSLContext context(Optional<Path> certFile, Optional<Path> keyFile) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManager[] keys = TlsFiles.keyManagers(certFile, keyFile).map(KeyManagerFactory::getKeyManagers).orElse(null);
    context.init(keys, TlsFiles.trustManagers(Optional.of(certs.caCert())).getTrustManagers(), null);
    return context;
  }

  private static SSLServerSocket server() throws Exception {
    SSLContext context = context(Optional.of(certs.serverCert()), Optional.of(certs.serverKey()));
    SSLServerSocket server =
        (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
    return server;
  }

  /** Accepts one connection and completes with the client certificate's subject. */
  private static CompletableFuture<String> accept(SSLServerSocket server) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0])
                .getSubjectX500Principal()
                .getName();
          } catch (Exception e) {
            return "failed: " + e;
          }
        });
  }

  private static SSLSocket connect(SSLContext context, SSLServerSocket server) throws Exception {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort());
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    return socket;
  }
}
