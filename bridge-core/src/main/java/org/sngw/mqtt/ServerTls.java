package org.sngw.mqtt;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.sngw.config.MqttTlsConfig;
import org.sngw.runtime.StartException;
import org.sngw.tls.TlsFileException;
import org.sngw.tls.TlsFiles;

/**
 * The server side of a TLS listener: its certificate, key and client-certificate policy as a
 * Netty {@link SslContext}, built from the PEM files at start and again on {@link #reload}, so
 * renewed certificates take effect without a restart (connections already open keep theirs).
 */
public final class ServerTls {
  private final MqttTlsConfig config;
  private volatile SslContext context;

  private ServerTls(MqttTlsConfig config, SslContext context) {
    this.config = config;
    this.context = context;
  }

  /** @throws StartException naming the file that cannot be used and why */
  public static ServerTls open(MqttTlsConfig config) throws StartException {
    return new ServerTls(config, build(config));
  }

  /** @throws StartException when the files cannot be used now; the certificate in use stays */
  public void reload() throws StartException {
    context = build(config);
  }

  public MqttTlsConfig config() {
    return config;
  }

  /** For the start log: what is asked of clients. */
  String describe() {
    String certificates = config.caFile().isEmpty() ? "no client certificates"
        : config.requireCertificate() ? "client certificates required" : "client certificates optional";
    String name = config.identityName() == MqttTlsConfig.IdentityName.CN ? "CN" : "subject alternative name";
    return "; " + certificates + (config.identityAsUsername() ? ", their " + name + " is the username" : "");
  }

  SslHandler newHandler(ByteBufAllocator allocator) {
    return context.newHandler(allocator);
  }

  /**
   * The name of the client's verified certificate, when the listener takes it for the username;
   * empty without one (no CA file, a client that sent none where it is optional, or a certificate
   * without that kind of name).
   */
  Optional<String> certificateUsername(SslHandler handler) {
    if (!config.identityAsUsername()) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = handler.engine().getSession().getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
        return Optional.empty();
      }
      return config.identityName() == MqttTlsConfig.IdentityName.CN ? commonName(leaf) : alternativeName(leaf);
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> commonName(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(rdn.getValue().toString());
        }
      }
      return Optional.empty();
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  /** The first DNS name (2), e-mail address (1) or URI (6) among the subject alternative names. */
  private static Optional<String> alternativeName(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      return names.stream()
          .filter(name -> name.get(0) instanceof Integer type && (type == 1 || type == 2 || type == 6))
          .map(name -> name.get(1))
          .filter(String.class::isInstance)
          .map(String.class::cast)
          .findFirst();
    } catch (CertificateParsingException e) {
      return Optional.empty();
    }
  }

  private static SslContext build(MqttTlsConfig config) throws StartException {
    try {
      SslContextBuilder builder = SslContextBuilder.forServer(
          TlsFiles.keyManagers(Optional.of(config.certFile()), Optional.of(config.keyFile())).orElseThrow());
      if (config.caFile().isPresent()) {
        builder.trustManager(TlsFiles.trustManagers(config.caFile()))
            .clientAuth(config.requireCertificate() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
      }
      return builder.build();
    } catch (TlsFileException | SSLException e) {
      throw new StartException("MQTT TLS listener: " + e.getMessage(), e);
    }
  }
}
