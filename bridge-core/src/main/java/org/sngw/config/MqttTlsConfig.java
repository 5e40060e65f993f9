package org.sngw.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS listener for MQTT (over TCP, or over WebSocket) beside the plain one, as Mosquitto's
 * {@code listener} with {@code certfile}/{@code keyfile}/{@code cafile}.
 *
 * @param certFile the server's certificate, or chain leaf first, in PEM
 * @param keyFile its PKCS#8 key in PEM, unencrypted
 * @param caFile the CAs client certificates are checked against; empty: none are asked for
 * @param requireCertificate a client without a valid certificate is refused at the handshake
 * @param identityAsUsername a client with a valid certificate logs in as its certificate's name, as
 *     Mosquitto's {@code use_identity_as_username}: no password is asked, the ACL's user lines apply
 * @param identityName which name of the certificate is the username
 */
public record MqttTlsConfig(
    ListenAddress bind,
    Path certFile,
    Path keyFile,
    Optional<Path> caFile,
    boolean requireCertificate,
    boolean identityAsUsername,
    IdentityName identityName) {
  /** Which of a client certificate's names is its username. */
  public enum IdentityName {
    /** The subject's common name. */
    CN,
    /** The first DNS name, e-mail address or URI among the subject alternative names, in their order. */
    SAN
  }

  public MqttTlsConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(identityName, "identityName");
  }
}
