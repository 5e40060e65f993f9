package org.sngw.auth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may connect to the MQTT listener.
 *
 * @param passwordFile users and passwords in Mosquitto's format; empty for none
 * @param allowAnonymous whether clients without a username are let in; empty (the default) means
 *     yes on a loopback-only listener without a password file and no everywhere else, as in
 *     Mosquitto 2.0
 * @param aclFile topic access in Mosquitto's ACL syntax ({@link AclFile}); empty for the default:
 *     anything but publishing to {@code $} topics
 */
public record AccessConfig(Optional<Path> passwordFile, Optional<Boolean> allowAnonymous, Optional<Path> aclFile) {
  public AccessConfig {
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(allowAnonymous, "allowAnonymous");
    Objects.requireNonNull(aclFile, "aclFile");
  }

  public static AccessConfig defaults() {
    return new AccessConfig(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
