package org.sngw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.runtime.StartException;

class PasswordFileTest {
  @TempDir Path dir;

  @Test
  void check_usersOfTheFile_needTheirOwnPassword() throws Exception {
    PasswordFile file = PasswordFile.read(write("""
        # made by mosquitto_passwd
        alice:%s

        bob:%s
        """.formatted(PasswordHashTest.MOSQUITTO_7, PasswordHashTest.MOSQUITTO_6)));

    assertThat(file.size()).isEqualTo(2);
    assertThat(file.check("alice", bytes("s3cret"))).isTrue();
    assertThat(file.check("bob", bytes("old-secret"))).isTrue();
    assertThat(file.check("alice", bytes("old-secret"))).isFalse();
    assertThat(file.check("mallory", bytes("s3cret"))).isFalse();
  }

  @Test
  void write_addedChangedAndRemovedUsers_readBackAsWritten() throws Exception {
    Path path = dir.resolve("new-passwd");
    SecureRandom random = new SecureRandom();
    PasswordFile.empty(path)
        .withUser("alice", PasswordHash.create(bytes("one"), random))
        .withUser("bob", PasswordHash.create(bytes("two"), random))
        .write();
    PasswordFile.read(path).withUser("alice", PasswordHash.create(bytes("three"), random)).withoutUser("bob").write();

    PasswordFile read = PasswordFile.read(path);
    assertThat(read.size()).isEqualTo(1);
    assertThat(read.check("alice", bytes("three"))).isTrue();
    assertThat(read.check("alice", bytes("one"))).isFalse();
    assertThat(read.has("bob")).isFalse();
    assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").containsExactly(path);
    }
  }

  @Test
  void withUser_nameThatBreaksTheFormat_isRefused() {
    PasswordHash hash = PasswordHash.create(bytes("x"), new SecureRandom());

    assertThatThrownBy(() -> PasswordFile.empty(dir.resolve("p")).withUser("a:b", hash))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PasswordFile.empty(dir.resolve("p")).withUser("a\nb", hash))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_badLines_reportsEachWithItsNumber() throws Exception {
    Path path = write("alice:%s\nno-colon-here\n:$6$AAAA$AAAA\nalice:%s\ncarol:plain\n"
        .formatted(PasswordHashTest.MOSQUITTO_7, PasswordHashTest.MOSQUITTO_7));

    assertThatThrownBy(() -> PasswordFile.read(path))
        .isInstanceOf(StartException.class)
        .hasMessageStartingWith("password file " + path + ": ")
        .hasMessageContaining("line 2: expected USER:HASH")
        .hasMessageContaining("line 3: expected USER:HASH")
        .hasMessageContaining("line 4: user alice is listed twice")
        .hasMessageContaining("line 5: expected $7$");
  }

  @Test
  void read_missingFile_namesIt() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> PasswordFile.read(missing))
        .isInstanceOf(StartException.class)
        .hasMessageStartingWith("password file " + missing + " cannot be read");
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("passwd");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
