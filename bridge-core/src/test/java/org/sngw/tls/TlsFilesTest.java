package org.sngw.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.BridgeConfig.TlsConfig;

class TlsFilesTest {
  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() {
    certs = TestCertificates.create(dir);
  }

  @Test
  void trustManagers_caFile_trustsCertificatesTheCaSigned() throws Exception {
    X509TrustManager trust = trustManager(TlsFiles.trustManagers(Optional.of(certs.caCert())));

    assertThat(trust.getAcceptedIssuers()).containsExactly(read(certs.caCert()));
    assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] {read(certs.serverCert())}, "RSA"))
        .doesNotThrowAnyException();
  }

  @Test
  void trustManagers_noCaFile_usesTheJvmTrustStore() throws Exception {
    X509TrustManager trust = trustManager(TlsFiles.trustManagers(Optional.empty()));

    assertThat(trust.getAcceptedIssuers()).isNotEmpty().doesNotContain(read(certs.caCert()));
  }

  @Test
  void trustManagers_fileWithSeveralCas_trustsEach() throws Exception {
    Path both = dir.resolve("cas.pem");
    Files.writeString(both, Files.readString(certs.caCert()) + Files.readString(certs.serverCert()));

    assertThat(trustManager(TlsFiles.trustManagers(Optional.of(both))).getAcceptedIssuers()).hasSize(2);
  }

  @Test
  void keyManagers_ecClientCertificate_presentsItWithItsKey() throws Exception {
    X509KeyManager keys =
        keyManager(TlsFiles.keyManagers(Optional.of(certs.clientCert()), Optional.of(certs.clientKey())));

    String alias = keys.chooseClientAlias(new String[] {"EC"}, null, null);
    assertThat(keys.getCertificateChain(alias)).containsExactly(read(certs.clientCert()));
    assertThat(keys.getPrivateKey(alias).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void keyManagers_rsaKey_isRead() throws Exception {
    X509KeyManager keys =
        keyManager(TlsFiles.keyManagers(Optional.of(certs.serverCert()), Optional.of(certs.serverKey())));

    assertThat(keys.getPrivateKey(keys.chooseClientAlias(new String[] {"RSA"}, null, null)).getAlgorithm())
        .isEqualTo("RSA");
  }

  @Test
  void keyManagers_chainAndKeyInOneFile_presentTheWholeChain() throws Exception {
    Path combined = dir.resolve("combined.pem");
    Files.writeString(
        combined,
        Files.readString(certs.clientKey()) + Files.readString(certs.clientCert()) + Files.readString(certs.caCert()));

    X509KeyManager keys = keyManager(TlsFiles.keyManagers(Optional.of(combined), Optional.of(combined)));

    assertThat(keys.getCertificateChain(keys.chooseClientAlias(new String[] {"EC"}, null, null)))
        .containsExactly(read(certs.clientCert()), read(certs.caCert()));
  }

  @Test
  void keyManagers_noFiles_presentsNoCertificate() throws Exception {
    assertThat(TlsFiles.keyManagers(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void keyManagers_certificateWithoutKey_namesTheCertificate() {
    assertThat(keyError(Optional.of(certs.clientCert()), Optional.empty()))
        .hasMessage(certs.clientCert() + ": a client certificate needs its key file");
    assertThat(keyError(Optional.empty(), Optional.of(certs.clientKey())))
        .hasMessage(certs.clientKey() + ": a client key needs its certificate file");
  }

  @Test
  void keyManagers_keyOfAnotherCertificate_doesNotMatch() {
    TlsFileException rsaForEc = keyError(Optional.of(certs.clientCert()), Optional.of(certs.serverKey()));
    TlsFileException otherEc = keyError(Optional.of(certs.clientCert()), Optional.of(certs.caKey()));

    assertThat(rsaForEc.file()).isEqualTo(certs.serverKey());
    assertThat(rsaForEc)
        .hasMessage(
            certs.serverKey() + ": certificate and key do not match (certificate in " + certs.clientCert() + ")");
    assertThat(otherEc.problem()).startsWith("certificate and key do not match");
  }

  @Test
  void missingFile_isNotFound() {
    Path missing = dir.resolve("missing.pem");

    TlsFileException e = trustError(missing);

    assertThat(e).hasMessage(missing + ": file not found");
    assertThat(e.file()).isEqualTo(missing);
    assertThat(e.problem()).isEqualTo("file not found");
  }

  @Test
  void directory_cannotBeRead() {
    assertThat(trustError(dir)).hasMessage(dir + ": cannot read: it is a directory");
  }

  @Test
  void caFile_withoutCertificate_isNotAPemCertificate() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");

    assertThat(trustError(text)).hasMessage(text + ": not a PEM certificate");
    assertThat(trustError(empty)).hasMessage(empty + ": not a PEM certificate");
    assertThat(trustError(certs.clientKey()))
        .hasMessage(certs.clientKey() + ": not a PEM certificate (it holds a private key)");
  }

  @Test
  void certificate_damaged_isReported() throws IOException {
    Path damaged = Files.writeString(
        dir.resolve("damaged.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    assertThat(trustError(damaged).getMessage()).startsWith(damaged + ": damaged certificate: ").doesNotContain("\n");
  }

  @Test
  void keyFile_holdingACertificate_isNotAPrivateKey() {
    assertThat(keyError(Optional.of(certs.clientCert()), Optional.of(certs.clientCert())))
        .hasMessage(certs.clientCert() + ": not a PEM private key (it holds a certificate)");
  }

  @Test
  void keyFile_pkcs1Rsa_saysHowToConvertAndTheConversionWorks() throws Exception {
    Path pkcs1 = dir.resolve("rsa1.key");
    certs.openssl("pkey", "-in", certs.serverKey().toString(), "-traditional", "-out", pkcs1.toString());
    Path converted = dir.resolve("rsa1.pk8.pem");

    assertThat(keyError(Optional.of(certs.serverCert()), Optional.of(pkcs1)))
        .hasMessage(pkcs1 + ": an RSA key in PKCS#1 form; sngw reads unencrypted PKCS#8 (BEGIN PRIVATE KEY):"
            + " convert it with openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out " + converted);

    certs.openssl("pkcs8", "-topk8", "-nocrypt", "-in", pkcs1.toString(), "-out", converted.toString());
    assertThat(TlsFiles.keyManagers(Optional.of(certs.serverCert()), Optional.of(converted))).isPresent();
  }

  @Test
  void keyFile_sec1Ec_saysHowToConvert() {
    Path sec1 = dir.resolve("ec1.pem");
    certs.openssl("ec", "-in", certs.clientKey().toString(), "-out", sec1.toString());

    assertThat(keyError(Optional.of(certs.clientCert()), Optional.of(sec1)).problem())
        .isEqualTo("an EC key in SEC 1 form; sngw reads unencrypted PKCS#8 (BEGIN PRIVATE KEY):"
            + " convert it with openssl pkcs8 -topk8 -nocrypt -in " + sec1 + " -out " + dir.resolve("ec1.pk8.pem"));
  }

  @Test
  void keyFile_encrypted_saysHowToDecrypt() {
    Path pkcs8 = dir.resolve("encrypted.key");
    Path pkcs1 = dir.resolve("encrypted-rsa.key");
    certs.openssl("pkcs8", "-topk8", "-in", certs.clientKey().toString(), "-passout", "pass:secret",
        "-out", pkcs8.toString());
    certs.openssl("rsa", "-in", certs.serverKey().toString(), "-traditional", "-aes128", "-passout", "pass:secret",
        "-out", pkcs1.toString());

    assertThat(keyError(Optional.of(certs.clientCert()), Optional.of(pkcs8)).problem())
        .startsWith("an encrypted key; sngw reads unencrypted PKCS#8 (BEGIN PRIVATE KEY): convert it with"
            + " openssl pkcs8 -topk8 -nocrypt -in " + pkcs8);
    assertThat(keyError(Optional.of(certs.serverCert()), Optional.of(pkcs1)).problem())
        .startsWith("an encrypted RSA key in PKCS#1 form; ");
  }

  @Test
  void keyFile_damagedPkcs8_isReported() throws IOException {
    Path damaged = Files.writeString(
        dir.resolve("damaged.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

    assertThat(keyError(Optional.of(certs.clientCert()), Optional.of(damaged)))
        .hasMessage(damaged + ": damaged, or not an RSA, EC or EdDSA key");
  }

  @Test
  void check_goodFiles_passes() {
    TlsConfig all = new TlsConfig(
        Optional.of(certs.caCert()), Optional.of(certs.clientCert()), Optional.of(certs.clientKey()), true);

    assertThatCode(() -> TlsFiles.check(TlsConfig.defaults())).doesNotThrowAnyException();
    assertThatCode(() -> TlsFiles.check(all)).doesNotThrowAnyException();
  }

  @Test
  void check_badCaOrKey_throwsNamingTheFile() {
    TlsConfig badCa = new TlsConfig(Optional.of(certs.clientKey()), Optional.empty(), Optional.empty(), true);
    TlsConfig badPair =
        new TlsConfig(Optional.empty(), Optional.of(certs.clientCert()), Optional.of(certs.serverKey()), true);

    assertThat(catchThrowableOfType(TlsFileException.class, () -> TlsFiles.check(badCa)).file())
        .isEqualTo(certs.clientKey());
    assertThat(catchThrowableOfType(TlsFileException.class, () -> TlsFiles.check(badPair)).file())
        .isEqualTo(certs.serverKey());
  }

  private static TlsFileException trustError(Path caFile) {
    return catchThrowableOfType(TlsFileException.class, () -> TlsFiles.trustManagers(Optional.of(caFile)));
  }

  private static TlsFileException keyError(Optional<Path> certFile, Optional<Path> keyFile) {
    return catchThrowableOfType(TlsFileException.class, () -> TlsFiles.keyManagers(certFile, keyFile));
  }

  private static X509TrustManager trustManager(TrustManagerFactory factory) {
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  private static X509KeyManager keyManager(Optional<KeyManagerFactory> factory) {
    return (X509KeyManager) factory.orElseThrow().getKeyManagers()[0];
  }

  private static X509Certificate read(Path file) throws Exception {
    try (var in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
