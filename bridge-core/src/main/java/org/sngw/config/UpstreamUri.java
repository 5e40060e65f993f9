package org.sngw.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a bridge connects, as written in the config file and after {@code --upstream}:
 * {@code mqtt://[USER[:PASSWORD]@]HOST[:PORT]} or {@code mqtts://...}, with the user info taken
 * out of the URI so that logging the URI never shows a password.
 *
 * @param uri scheme, host and port only; the scheme in lower case
 */
public record UpstreamUri(URI uri, Optional<String> username, Optional<String> password) {
  public UpstreamUri {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** The same upstream with the password from elsewhere (a file, the environment). */
  public UpstreamUri withPassword(String secret) {
    return new UpstreamUri(uri, username, Optional.of(secret));
  }

  /** Without the password, which no log line or error message may show. */
  @Override
  public String toString() {
    return "UpstreamUri[uri=" + uri + ", username=" + username + ", password=" + password.map(secret -> "***") + "]";
  }

  /**
   * Parses and checks an upstream URI.
   *
   * @throws IllegalArgumentException quoting the value, its password masked
   */
  public static UpstreamUri parse(String text) {
    URI uri;
    try {
      uri = new URI(text).parseServerAuthority();
    } catch (URISyntaxException e) {
      throw bad(text, "invalid URI", lowerFirst(e.getReason()));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("mqtt") && !scheme.equals("mqtts")) {
      throw bad(text, "expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT]", null);
    }
    if (uri.getHost() == null) {
      throw bad(text, "host required, as in mqtt://broker.example.com", null);
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw bad(text, "port must be 1..65535", null);
    }
    boolean noPath = uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!noPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw bad(text, "no path, query or fragment expected", null);
    }
    Optional<String> username = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      username = Optional.of(colon < 0 ? userInfo : userInfo.substring(0, colon)).filter(u -> !u.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(userInfo.substring(colon + 1));
      if (username.isEmpty()) {
        throw bad(text, "a password needs a user name before it", null);
      }
    }
    try {
      URI bare = new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
      return new UpstreamUri(bare, username, password);
    } catch (URISyntaxException e) {
      throw bad(text, "invalid URI", lowerFirst(e.getReason()));
    }
  }

  public boolean usesTls() {
    return "mqtts".equals(uri.getScheme());
  }

  /** The text with the password replaced by {@code ***}, fit for error messages and logs. */
  public static String masked(String text) {
    return text.replaceFirst("^([^:/]+://[^:/@]*:).*@", "$1***@");
  }

  private static IllegalArgumentException bad(String text, String issue, String detail) {
    String reason = detail == null ? "" : " (" + detail + ")";
    return new IllegalArgumentException(issue + ", got '" + masked(text) + "'" + reason);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
