package org.sngw.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.sngw.config.BridgeConfig.TlsConfig;

/**
 * Turns PEM files (a bridge's {@code tls:} settings, a TLS listener's) into the JSSE factories TLS
 * clients and servers take, with errors that name the file and say what is wrong with it.
 */
public final class TlsFiles {
  // The key store lives only in memory, so its password protects nothing; the API needs one.
  private static final char[] IN_MEMORY = new char[0];

  private TlsFiles() {}

  /** Trust for the upstream's certificate: the CAs in {@code caFile}, or the JVM's without one. */
  public static TrustManagerFactory trustManagers(Optional<Path> caFile) throws TlsFileException {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (caFile.isEmpty()) {
        factory.init((KeyStore) null);
        return factory;
      }
      List<X509Certificate> cas = PemFiles.certificates(caFile.get());
      KeyStore store = emptyStore();
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot set up TLS trust", e);
    }
  }

  /**
   * The client certificate presented to the upstream, if any: the certificate (or chain, leaf
   * first) in {@code certFile} with the PKCS#8 key in {@code keyFile}, checked to belong together.
   */
  public static Optional<KeyManagerFactory> keyManagers(Optional<Path> certFile, Optional<Path> keyFile)
      throws TlsFileException {
    if (certFile.isEmpty() && keyFile.isEmpty()) {
      return Optional.empty();
    }
    if (keyFile.isEmpty()) {
      throw new TlsFileException(certFile.get(), "a client certificate needs its key file");
    }
    if (certFile.isEmpty()) {
      throw new TlsFileException(keyFile.get(), "a client key needs its certificate file");
    }
    List<X509Certificate> chain = PemFiles.certificates(certFile.get());
    PrivateKey key = PemFiles.privateKey(keyFile.get());
    PemFiles.checkPair(chain.get(0), certFile.get(), key, keyFile.get());
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new Certificate[0]));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, IN_MEMORY);
      return Optional.of(factory);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot set up a TLS client certificate", e);
    }
  }

  /**
   * Reads every file {@code tls} names, so that a bad one stops the start instead of failing each
   * connection attempt. Without a CA file nothing is read: the JVM's trust store is its own.
   */
  public static void check(TlsConfig tls) throws TlsFileException {
    if (tls.caFile().isPresent()) {
      trustManagers(tls.caFile());
    }
    keyManagers(tls.certFile(), tls.keyFile());
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("an empty key store cannot fail to load", e);
    }
    return store;
  }
}
