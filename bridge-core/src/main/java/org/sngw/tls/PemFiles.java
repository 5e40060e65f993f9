package org.sngw.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files the way OpenSSL writes them. Only what the JDK reads without extra libraries is
 * accepted: X.509 certificates and unencrypted PKCS#8 keys; for every other key form the error
 * says how to convert it.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA");
  private static final Map<String, String> SIGNATURES =
      Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA");

  private record Block(String type, String body) {}

  private PemFiles() {}

  /** Every certificate in the file, in file order: one, or a chain starting with the leaf. */
  static List<X509Certificate> certificates(Path file) throws TlsFileException {
    List<Block> blocks = blocks(file);
    List<X509Certificate> certificates = new ArrayList<>();
    for (Block block : blocks) {
      if (block.type().equals("CERTIFICATE")) {
        certificates.add(certificate(file, block));
      }
    }
    if (certificates.isEmpty()) {
      boolean key = blocks.stream().anyMatch(b -> b.type().endsWith("PRIVATE KEY"));
      throw new TlsFileException(file, "not a PEM certificate" + (key ? " (it holds a private key)" : ""));
    }
    return certificates;
  }

  /** The one private key in the file; a file may hold its certificate too. */
  static PrivateKey privateKey(Path file) throws TlsFileException {
    List<Block> blocks = blocks(file);
    List<Block> keys = blocks.stream().filter(b -> b.type().endsWith("PRIVATE KEY")).toList();
    if (keys.isEmpty()) {
      boolean certificate = blocks.stream().anyMatch(b -> b.type().equals("CERTIFICATE"));
      throw new TlsFileException(file, "not a PEM private key" + (certificate ? " (it holds a certificate)" : ""));
    }
    if (keys.size() > 1) {
      throw new TlsFileException(file, "holds " + keys.size() + " private keys, expected one");
    }
    Block key = keys.get(0);
    String encrypted = key.body().contains("ENCRYPTED") ? "an encrypted " : "an ";
    return switch (key.type()) {
      case "PRIVATE KEY" -> pkcs8(file, decode(file, key));
      case "RSA PRIVATE KEY" -> throw convert(file, encrypted + "RSA key in PKCS#1 form");
      case "EC PRIVATE KEY" -> throw convert(file, encrypted + "EC key in SEC 1 form");
      case "ENCRYPTED PRIVATE KEY" -> throw convert(file, "an encrypted key");
      default -> throw new TlsFileException(file, "a " + key.type() + ", not a PKCS#8 private key");
    };
  }

  /**
   * Checks that {@code key} belongs to {@code certificate} by signing a few bytes and verifying
   * them, which works for every key type and costs one signature.
   */
  static void checkPair(X509Certificate certificate, Path certFile, PrivateKey key, Path keyFile)
      throws TlsFileException {
    PublicKey publicKey = certificate.getPublicKey();
    String algorithm = SIGNATURES.get(key.getAlgorithm());
    boolean match = algorithm != null && publicKey.getAlgorithm().equals(key.getAlgorithm());
    if (match) {
      try {
        byte[] challenge = "sngw".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        match = verifier.verify(signature);
      } catch (GeneralSecurityException e) {
        match = false;
      }
    }
    if (!match) {
      throw new TlsFileException(keyFile, "certificate and key do not match (certificate in " + certFile + ")");
    }
  }

  private static List<Block> blocks(Path file) throws TlsFileException {
    // PEM is ASCII; Latin-1 maps every byte to one char, so binary junk cannot fail decoding.
    String text = new String(read(file), StandardCharsets.ISO_8859_1);
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(text);
    while (matcher.find()) {
      blocks.add(new Block(matcher.group(1), matcher.group(2)));
    }
    return blocks;
  }

  private static byte[] read(Path file) throws TlsFileException {
    if (Files.isDirectory(file)) {
      throw new TlsFileException(file, "cannot read: it is a directory");
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TlsFileException(file, "file not found");
    } catch (AccessDeniedException e) {
      throw new TlsFileException(file, "cannot read: permission denied");
    } catch (IOException e) {
      throw new TlsFileException(file, "cannot read: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  private static byte[] decode(Path file, Block block) throws TlsFileException {
    try {
      return Base64.getMimeDecoder().decode(block.body());
    } catch (IllegalArgumentException e) {
      throw new TlsFileException(file, "damaged PEM: " + block.type() + " is not valid base64");
    }
  }

  private static X509Certificate certificate(Path file, Block block) throws TlsFileException {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(file, block)));
    } catch (CertificateException e) {
      throw new TlsFileException(file, "damaged certificate: " + firstLine(e));
    }
  }

  private static PrivateKey pkcs8(Path file, byte[] der) throws TlsFileException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException e) {
        // Another algorithm's key, or damaged: try the next.
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JVM lacks the " + algorithm + " key factory", e);
      }
    }
    throw new TlsFileException(file, "damaged, or not an RSA, EC or EdDSA key");
  }

  private static TlsFileException convert(Path file, String what) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path converted = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pk8.pem");
    return new TlsFileException(
        file,
        what + "; sngw reads unencrypted PKCS#8 (BEGIN PRIVATE KEY): convert it with"
            + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out " + converted);
  }

  private static String firstLine(Exception e) {
    String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    return message.lines().findFirst().orElse(message);
  }
}
