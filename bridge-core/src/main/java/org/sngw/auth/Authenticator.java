package org.sngw.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.sngw.runtime.StartException;

/**
 * Decides whether a client's CONNECT may in, from its username and password. Any I/O thread may
 * ask; {@link #reload} swaps the password file in one step.
 */
public final class Authenticator {
  /** What the CONNACK says. */
  public enum Verdict {
    ACCEPTED,
    /** CONNACK 4: a username the password file does not have, or the wrong password. */
    BAD_CREDENTIALS,
    /** CONNACK 5: no username where one is required, or nothing to check a username against. */
    NOT_AUTHORIZED
  }

  // Shared by the listeners made with forAnotherListener, so one reload serves them all.
  private final AtomicReference<Optional<PasswordFile>> passwords;
  private final boolean allowAnonymous;

  /** Everyone in, with or without a name: for tests of everything but access. */
  public static Authenticator anyone() {
    return new Authenticator(Optional.empty(), true);
  }

  public Authenticator(Optional<PasswordFile> passwords, boolean allowAnonymous) {
    this(new AtomicReference<>(Objects.requireNonNull(passwords, "passwords")), allowAnonymous);
  }

  private Authenticator(AtomicReference<Optional<PasswordFile>> passwords, boolean allowAnonymous) {
    this.passwords = passwords;
    this.allowAnonymous = allowAnonymous;
  }

  /**
   * The rules for one listener: anonymous clients are let in if the config says so, or, when it
   * says nothing, only on a loopback-only listener without a password file.
   */
  public static Authenticator forListener(AccessConfig config, Optional<PasswordFile> passwords, boolean loopbackOnly) {
    return new Authenticator(passwords, config.allowAnonymous().orElse(passwords.isEmpty() && loopbackOnly));
  }

  /**
   * The rules for another listener over the same password file, with its own anonymous rule: a
   * listener on the network must not inherit a loopback one's. {@link #reload} serves both.
   */
  public Authenticator forAnotherListener(AccessConfig config, boolean loopbackOnly) {
    return new Authenticator(passwords, config.allowAnonymous().orElse(passwords.get().isEmpty() && loopbackOnly));
  }

  public Verdict check(Optional<String> username, Optional<byte[]> password) {
    Optional<PasswordFile> passwords = this.passwords.get();
    if (username.isEmpty()) {
      return allowAnonymous ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
    }
    if (passwords.isEmpty()) {
      // Nothing to check a name against: it is as good as none.
      return allowAnonymous ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
    }
    return passwords.get().check(username.get(), password.orElse(new byte[0]))
        ? Verdict.ACCEPTED
        : Verdict.BAD_CREDENTIALS;
  }

  /**
   * Reads the password file again (SIGHUP): users added, removed or changed there count from the
   * next CONNECT on. Nothing changes without a password file.
   *
   * @throws StartException when the file cannot be read now; the users read before stay in force
   */
  public void reload() throws StartException {
    Optional<PasswordFile> now = passwords.get();
    if (now.isPresent()) {
      passwords.set(Optional.of(PasswordFile.read(now.get().source())));
    }
  }

  public Optional<PasswordFile> passwords() {
    return passwords.get();
  }

  public boolean allowsAnonymous() {
    return allowAnonymous;
  }

  /** For the start log: who gets in. */
  public String describe() {
    Optional<PasswordFile> passwords = this.passwords.get();
    String users = passwords.map(file -> file.size() + " user(s) from " + file.source()).orElse("no password file");
    if (allowAnonymous) {
      return users + ", anonymous clients allowed";
    }
    return passwords.isPresent() ? users + ", anonymous clients refused" : "no password file and anonymous clients "
        + "refused: every client is refused (set password-file, or allow-anonymous: true)";
  }
}
