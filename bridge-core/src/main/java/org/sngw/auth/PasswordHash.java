package org.sngw.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One password as Mosquitto's password files keep it, so files made by {@code mosquitto_passwd}
 * work here: {@code $7$ITERATIONS$SALT$HASH}, PBKDF2-HMAC-SHA512 (Mosquitto 2.0), or the older
 * {@code $6$SALT$HASH}, one SHA-512 of the password and the salt; salt and hash in Base64.
 */
public final class PasswordHash {
  /** What {@code mosquitto_passwd} 2.0 uses: 101 iterations, a 12-byte salt, a 64-byte hash. */
  private static final int DEFAULT_ITERATIONS = 101;
  private static final int SALT_BYTES = 12;
  private static final int HASH_BYTES = 64;
  /** A bound on what a file may ask of each login: a hostile or mistyped count must not stall it. */
  private static final int MAX_ITERATIONS = 1_000_000;

  private final int iterations; // 0 for the $6$ form
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /**
   * Reads the part of a password-file line after {@code user:}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static PasswordHash parse(String encoded) {
    String[] parts = encoded.split("\\$", -1);
    try {
      if (parts.length == 5 && parts[0].isEmpty() && parts[1].equals("7")) {
        int iterations = Integer.parseInt(parts[2]);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
          throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        return new PasswordHash(iterations, decode(parts[3]), decode(parts[4]));
      }
      if (parts.length == 4 && parts[0].isEmpty() && parts[1].equals("6")) {
        return new PasswordHash(0, decode(parts[2]), decode(parts[3]));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("iterations are not a number: " + parts[2]);
    }
    throw new IllegalArgumentException("expected $7$ITERATIONS$SALT$HASH or $6$SALT$HASH, as mosquitto_passwd writes");
  }

  /** A new $7$ hash of {@code password} with a fresh salt, as {@code mosquitto_passwd} makes them. */
  public static PasswordHash create(byte[] password, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordHash(DEFAULT_ITERATIONS, salt, pbkdf2(password, salt, DEFAULT_ITERATIONS, HASH_BYTES));
  }

  /** Whether {@code password} is this one, in time that does not depend on where they differ. */
  public boolean matches(byte[] password) {
    byte[] computed = iterations == 0 ? sha512(password, salt) : pbkdf2(password, salt, iterations, hash.length);
    return MessageDigest.isEqual(computed, hash);
  }

  /** The form a password file keeps. */
  public String encoded() {
    Base64.Encoder base64 = Base64.getEncoder();
    String tail = base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    return iterations == 0 ? "$6$" + tail : "$7$" + iterations + "$" + tail;
  }

  private static byte[] decode(String base64) {
    if (base64.isEmpty()) {
      throw new IllegalArgumentException("salt or hash is empty");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("salt or hash is not Base64");
    }
  }

  private static byte[] sha512(byte[] password, byte[] salt) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-512");
      digest.update(password);
      return digest.digest(salt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no SHA-512", e);
    }
  }

  /**
   * PBKDF2 with HMAC-SHA512 (RFC 8018) over the password's bytes as the client sent them; the
   * JDK's PBKDF2 takes characters and would re-encode them. An empty password matches nothing, as
   * HMAC keys here cannot be empty.
   */
  private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
    if (password.length == 0) {
      return new byte[0];
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(password, "HmacSHA512"));
      int blockLength = mac.getMacLength();
      byte[] out = new byte[length];
      for (int block = 1, at = 0; at < length; block++, at += blockLength) {
        mac.update(salt);
        byte[] u = mac.doFinal(ByteBuffer.allocate(4).putInt(block).array());
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
          u = mac.doFinal(u);
          for (int j = 0; j < t.length; j++) {
            t[j] ^= u[j];
          }
        }
        System.arraycopy(t, 0, out, at, Math.min(blockLength, length - at));
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no HMAC-SHA512", e);
    }
  }
}
