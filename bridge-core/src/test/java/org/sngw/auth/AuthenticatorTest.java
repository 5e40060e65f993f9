package org.sngw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.auth.Authenticator.Verdict.ACCEPTED;
import static org.sngw.auth.Authenticator.Verdict.BAD_CREDENTIALS;
import static org.sngw.auth.Authenticator.Verdict.NOT_AUTHORIZED;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
  private static final Optional<String> ANONYMOUS = Optional.empty();
  private static final AccessConfig UNSET = AccessConfig.defaults();

  @TempDir Path dir;

  @Test
  void unset_onLoopbackWithoutPasswords_letsAnyoneIn() {
    Authenticator access = Authenticator.forListener(UNSET, Optional.empty(), true);

    assertThat(access.check(ANONYMOUS, Optional.empty())).isEqualTo(ACCEPTED);
    assertThat(access.check(Optional.of("anyone"), Optional.of(bytes("x")))).isEqualTo(ACCEPTED);
  }

  @Test
  void unset_onTheNetworkWithoutPasswords_refusesEveryone() {
    Authenticator access = Authenticator.forListener(UNSET, Optional.empty(), false);

    assertThat(access.check(ANONYMOUS, Optional.empty())).isEqualTo(NOT_AUTHORIZED);
    assertThat(access.check(Optional.of("anyone"), Optional.of(bytes("x")))).isEqualTo(NOT_AUTHORIZED);
    assertThat(access.describe()).contains("every client is refused");
  }

  @Test
  void allowAnonymous_onTheNetwork_letsAnonymousIn() {
    Authenticator access = Authenticator.forListener(
        new AccessConfig(Optional.empty(), Optional.of(true), Optional.empty()), Optional.empty(), false);

    assertThat(access.check(ANONYMOUS, Optional.empty())).isEqualTo(ACCEPTED);
  }

  @Test
  void passwordFile_evenOnLoopback_refusesAnonymousAndWrongPasswords() throws Exception {
    Authenticator access = Authenticator.forListener(UNSET, Optional.of(aliceFile()), true);

    assertThat(access.check(Optional.of("alice"), Optional.of(bytes("s3cret")))).isEqualTo(ACCEPTED);
    assertThat(access.check(Optional.of("alice"), Optional.of(bytes("guess")))).isEqualTo(BAD_CREDENTIALS);
    assertThat(access.check(Optional.of("alice"), Optional.empty())).isEqualTo(BAD_CREDENTIALS);
    assertThat(access.check(Optional.of("mallory"), Optional.of(bytes("s3cret")))).isEqualTo(BAD_CREDENTIALS);
    assertThat(access.check(ANONYMOUS, Optional.empty())).isEqualTo(NOT_AUTHORIZED);
  }

  @Test
  void passwordFileAndAllowAnonymous_letsAnonymousInButStillChecksNames() throws Exception {
    Authenticator access = Authenticator.forListener(
        new AccessConfig(Optional.empty(), Optional.of(true), Optional.empty()), Optional.of(aliceFile()), false);

    assertThat(access.check(ANONYMOUS, Optional.empty())).isEqualTo(ACCEPTED);
    assertThat(access.check(Optional.of("alice"), Optional.of(bytes("guess")))).isEqualTo(BAD_CREDENTIALS);
  }

  @Test
  void allowAnonymousFalse_onLoopback_refusesAnonymous() {
    Authenticator access = Authenticator.forListener(
        new AccessConfig(Optional.empty(), Optional.of(false), Optional.empty()), Optional.empty(), true);

    assertThat(access.check(ANONYMOUS, Optional.empty())).isEqualTo(NOT_AUTHORIZED);
  }

  @Test
  void forAnotherListener_hasItsOwnAnonymousRule_andSharesTheReload() throws Exception {
    Authenticator loopback = Authenticator.forListener(UNSET, Optional.empty(), true);
    Authenticator network = loopback.forAnotherListener(UNSET, false);
    assertThat(loopback.check(ANONYMOUS, Optional.empty())).isEqualTo(ACCEPTED);
    assertThat(network.check(ANONYMOUS, Optional.empty())).isEqualTo(NOT_AUTHORIZED);

    Path file = dir.resolve("passwd");
    Files.writeString(file, "alice:" + PasswordHashTest.MOSQUITTO_7 + "\n");
    Authenticator plain = Authenticator.forListener(UNSET, Optional.of(PasswordFile.read(file)), true);
    Authenticator tls = plain.forAnotherListener(UNSET, false);
    Files.writeString(file, "bob:" + PasswordHashTest.MOSQUITTO_7 + "\n");
    plain.reload();

    assertThat(tls.check(Optional.of("bob"), Optional.of(bytes("s3cret")))).isEqualTo(ACCEPTED);
    assertThat(tls.check(Optional.of("alice"), Optional.of(bytes("s3cret")))).isEqualTo(BAD_CREDENTIALS);
  }

  private PasswordFile aliceFile() throws Exception {
    Path file = dir.resolve("passwd");
    Files.writeString(file, "alice:" + PasswordHashTest.MOSQUITTO_7 + "\n");
    return PasswordFile.read(file);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
