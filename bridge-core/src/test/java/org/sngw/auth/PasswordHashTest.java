package org.sngw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
  /** Written by Debian's mosquitto_passwd 2.0 for the password "s3cret". */
  static final String MOSQUITTO_7 =
      "$7$101$Hu9jEI1Wv9WCmL0T$QX6d2VPbGLvZUuOOQVR7CJj1oRAgyRBdvvYw8pWCMF5gfJQ8l4r6j9DxJl0v6MwejPBT8Tk/gYStBpUA/e7hIA==";
  /** The older form, SHA-512 of "old-secret" followed by the salt 01..0c. */
  static final String MOSQUITTO_6 =
      "$6$AQIDBAUGBwgJCgsM$q8WZNGxz4gZSUVFmhfLpzJLMmkwMchRq4rrNP7ob6znEaTy8+k8sd0LgD3p+C1UZjuANnLi21QfjnVQBEn0gFQ==";

  @Test
  void matches_hashFromMosquittoPasswd_acceptsItsPasswordOnly() {
    PasswordHash hash = PasswordHash.parse(MOSQUITTO_7);

    assertThat(hash.matches(bytes("s3cret"))).isTrue();
    assertThat(hash.matches(bytes("s3cret "))).isFalse();
    assertThat(hash.matches(bytes("S3cret"))).isFalse();
    assertThat(hash.matches(new byte[0])).isFalse();
  }

  @Test
  void matches_olderSha512Form_acceptsItsPasswordOnly() {
    PasswordHash hash = PasswordHash.parse(MOSQUITTO_6);

    assertThat(hash.matches(bytes("old-secret"))).isTrue();
    assertThat(hash.matches(bytes("old-secreT"))).isFalse();
  }

  @Test
  void create_thenParseWhatItWrote_matchesTheSamePassword() {
    PasswordHash created = PasswordHash.create(bytes("pässword"), new SecureRandom());
    PasswordHash read = PasswordHash.parse(created.encoded());

    assertThat(created.encoded()).startsWith("$7$101$");
    assertThat(read.matches(bytes("pässword"))).isTrue();
    assertThat(read.matches(bytes("password"))).isFalse();
    assertThat(read.encoded()).isEqualTo(created.encoded());
  }

  @Test
  void create_twice_saltsDifferently() {
    SecureRandom random = new SecureRandom();

    assertThat(PasswordHash.create(bytes("same"), random).encoded())
        .isNotEqualTo(PasswordHash.create(bytes("same"), random).encoded());
  }

  @Test
  void parse_malformed_saysWhatIsWrong() {
    assertThatThrownBy(() -> PasswordHash.parse("plaintext")).hasMessageContaining("$7$ITERATIONS$SALT$HASH");
    assertThatThrownBy(() -> PasswordHash.parse("$7$many$AAAA$AAAA")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> PasswordHash.parse("$7$0$AAAA$AAAA")).hasMessageContaining("iterations must be");
    assertThatThrownBy(() -> PasswordHash.parse("$7$2000000000$AAAA$AAAA")).hasMessageContaining("iterations must be");
    assertThatThrownBy(() -> PasswordHash.parse("$7$101$!!$AAAA")).hasMessageContaining("not Base64");
    assertThatThrownBy(() -> PasswordHash.parse("$6$$AAAA")).hasMessageContaining("empty");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
