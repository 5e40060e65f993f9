package org.sngw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.auth.PasswordFile;

class PasswdCommandTest {
  @TempDir Path dir;

  @Test
  void passwordFromStdin_createsTheFileWithTheUser() throws Exception {
    Path file = dir.resolve("passwd");

    PasswdCommand.Result result = run(new ParseOutcome.Passwd(file, "alice", false, true), "s3cret\nignored\n");

    assertThat(result.exitStatus()).isZero();
    assertThat(PasswordFile.read(file).check("alice", bytes("s3cret"))).isTrue();
  }

  @Test
  void secondUserAndNewPassword_keepTheOthers() throws Exception {
    Path file = dir.resolve("passwd");
    run(new ParseOutcome.Passwd(file, "alice", false, true), "one\n");
    run(new ParseOutcome.Passwd(file, "bob", false, true), "two\n");
    run(new ParseOutcome.Passwd(file, "alice", false, true), "three\n");

    PasswordFile read = PasswordFile.read(file);
    assertThat(read.check("alice", bytes("three"))).isTrue();
    assertThat(read.check("bob", bytes("two"))).isTrue();
  }

  @Test
  void delete_removesTheUser_andAnUnknownOneIsAnError() throws Exception {
    Path file = dir.resolve("passwd");
    run(new ParseOutcome.Passwd(file, "alice", false, true), "one\n");

    assertThat(run(new ParseOutcome.Passwd(file, "alice", true, false), "").exitStatus()).isZero();
    assertThat(PasswordFile.read(file).has("alice")).isFalse();
    PasswdCommand.Result again = run(new ParseOutcome.Passwd(file, "alice", true, false), "");
    assertThat(again.exitStatus()).isEqualTo(1);
    assertThat(again.message()).contains("alice is not in");
  }

  @Test
  void noTerminalAndNoStdinFlag_saysWhatToDo() {
    PasswdCommand.Result result = run(new ParseOutcome.Passwd(dir.resolve("passwd"), "alice", false, false), "");

    assertThat(result.exitStatus()).isEqualTo(1);
    assertThat(result.message()).contains("--password-stdin");
  }

  @Test
  void emptyStdin_isAnError() {
    assertThat(run(new ParseOutcome.Passwd(dir.resolve("passwd"), "alice", false, true), "").message())
        .contains("no password");
  }

  private static PasswdCommand.Result run(ParseOutcome.Passwd command, String stdin) {
    return PasswdCommand.run(command, new ByteArrayInputStream(bytes(stdin)), null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
