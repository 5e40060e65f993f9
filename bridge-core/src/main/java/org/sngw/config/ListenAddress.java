package org.sngw.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A host (name or IP literal, IPv6 without brackets) and a port; port 0 binds any free port. */
public record ListenAddress(String host, int port) {
  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
  }

  /**
   * Parses {@code HOST:PORT} or {@code [IPv6]:PORT}, the form used by flags and the config file.
   *
   * @throws IllegalArgumentException quoting the value when it has another form
   */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    String port = text.substring(colon + 1);
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    // An unbracketed IPv6 host would make the port ambiguous, so it is refused rather than guessed.
    boolean hostOk = bracketed ? host.contains(":") : !host.isEmpty() && host.indexOf(':') < 0;
    hostOk &= host.chars().noneMatch(c -> Character.isWhitespace(c) || c == '[' || c == ']');
    if (!hostOk || !port.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("expected HOST:PORT or [IPv6]:PORT, got '" + text + "'");
    }
    int number = Integer.parseInt(port);
    if (number > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got '" + text + "'");
    }
    return new ListenAddress(host, number);
  }

  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
