package org.sngw.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The live status page.
 *
 * @param listen where it is served; a loopback address unless the operator opens it
 * @param token a secret that opens the page besides the MQTT users' logins (for a phone's
 *     bookmark, or a script); at least {@link #MIN_TOKEN_LENGTH} characters
 */
public record StatusConfig(ListenAddress listen, Optional<String> token) {
  public static final int MIN_TOKEN_LENGTH = 16;

  public StatusConfig {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(token, "token");
    if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("a token needs at least " + MIN_TOKEN_LENGTH + " characters");
    }
  }

  public StatusConfig withListen(ListenAddress address) {
    return new StatusConfig(address, token);
  }
}
